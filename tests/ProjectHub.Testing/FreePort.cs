using System.Net;
using System.Net.Sockets;

namespace ProjectHub.Testing;

public static class FreePort
{
    // Below Linux's ephemeral range (32768–60999 by default). A port the OS hands out for bind(0) comes from that
    // range, and so does the local port of every outgoing connection: between our pick and the host's own bind, a
    // connection made by anyone (a gRPC client of the same host, for one) could take it and the host would fail
    // with "address already in use". Ports below the range are never taken that way. And below 20000, where
    // deploy/local/infra.sh picks the private RabbitMQ's and PostgreSQL's ports (20000–39999, and +20000 for
    // RabbitMQ's CLI): a test host and a broker starting at the same moment never pick the same port.
    private const int First = 10000;
    private const int Last = 19999;
    private static readonly Lock Gate = new();
    private static int _next = First + Random.Shared.Next(Last - First + 1);

    /// <summary>
    /// A loopback port that is free now and that this process has not handed out before (until the range wraps),
    /// so parallel test hosts never collide.
    /// </summary>
    public static int Next()
    {
        lock (Gate)
        {
            for (var tried = 0; tried <= Last - First; tried++)
            {
                var port = _next;
                _next = port == Last ? First : port + 1;
                if (IsFree(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free loopback port between {First} and {Last}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
