namespace Lishui.Testing;

public static class HarnessRead
{
    /// <summary>
    /// Reads MassTransit's test-harness lists (<c>Consumed.Select&lt;T&gt;()</c>) on the thread pool.
    /// They block, and on disposal wait for a cancellation callback to finish; read from a
    /// continuation the harness ran inline inside that very callback, they waited for themselves
    /// forever (a Notification test spun for 15 minutes until it was killed).
    /// </summary>
    public static Task<T> OffCallbackAsync<T>(Func<T> read) => Task.Run(read);
}
