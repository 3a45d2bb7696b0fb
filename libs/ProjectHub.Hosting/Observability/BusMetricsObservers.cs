using MassTransit;

namespace ProjectHub.Hosting.Observability;

/// <summary>Counts every publish the bus confirmed (the outbox relay is the only publisher).</summary>
internal sealed class PublishMetricsObserver : IPublishObserver
{
    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        ProjectHubMetrics.EventPublished(typeof(T).Name);
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}

/// <summary>Counts every consumer run that completed, per event type and consumer.</summary>
internal sealed class ConsumeMetricsObserver : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        var consumer = context.ReceiveContext.InputAddress?.AbsolutePath.Trim('/') ?? "";
        ProjectHubMetrics.EventConsumed(typeof(T).Name, consumer);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
