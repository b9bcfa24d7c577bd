public import QueueStore

/// What changes a counter's display: a ticket event, a pause, a rating to thank for.
public enum HallSignal: Sendable {
    case ticket(PublishedEvent)
    case paused(counter: Int, Bool)
    case thanks(counter: Int)
}
