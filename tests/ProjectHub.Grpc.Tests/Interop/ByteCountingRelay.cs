using System.Net;
using System.Net.Sockets;

namespace ProjectHub.Grpc.Tests.Interop;

/// <summary>
/// A loopback TCP relay to a server that counts the bytes crossing each way. The compression cases use it to prove
/// on the wire that a message was (or was not) compressed: their payloads are all zeros, which gzip shrinks to
/// almost nothing, and neither side's API tells whether a peer compressed.
/// </summary>
public sealed class ByteCountingRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pumps = [];
    private readonly List<Socket> _sockets = [];
    private readonly Task _accepting;
    private long _up;
    private long _down;

    public ByteCountingRelay(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Client → server bytes since the last <see cref="Reset"/>.</summary>
    public long Up => Interlocked.Read(ref _up);

    /// <summary>Server → client bytes since the last <see cref="Reset"/>.</summary>
    public long Down => Interlocked.Read(ref _down);

    public void Reset()
    {
        Interlocked.Exchange(ref _up, 0);
        Interlocked.Exchange(ref _down, 0);
    }

    /// <summary>Runs a call and returns its result with the bytes it moved each way.</summary>
    public async Task<(T Result, long Up, long Down)> MeasureAsync<T>(Func<Task<T>> call)
    {
        Reset();
        var result = await call();
        // Frames that follow the response (WINDOW_UPDATE, PING acks) are small; let them settle so runs agree.
        await Task.Delay(50);
        return (result, Up, Down);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await server.ConnectAsync(_target, _stop.Token);
            client.NoDelay = server.NoDelay = true;
            lock (_sockets)
            {
                _sockets.Add(client);
                _sockets.Add(server);
                _pumps.Add(PumpAsync(client, server, up: true));
                _pumps.Add(PumpAsync(server, client, up: false));
            }
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool up)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
            {
                Interlocked.Add(ref up ? ref _up : ref _down, read);
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side closed or the relay is stopping: the other direction ends with it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_sockets)
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }
        }

        await Task.WhenAll(_pumps);
        _stop.Dispose();
    }
}
