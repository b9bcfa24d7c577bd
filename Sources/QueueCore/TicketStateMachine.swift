/// The ticket life as a pure function: which action is allowed from which state, and where it leads.
///
/// issued(waiting) → called (→ recalled n times) → serving → done · no-show · transferred(back to waiting
/// in another field, keeping its issue time) · cancelled.
public enum TicketStateMachine {
    public static func next(after action: TicketAction, from state: TicketState) throws(QueueError) -> TicketState {
        switch (action, state) {
        case (.recall, .called): return .called
        case (.serve, .called): return .serving
        case (.done, .serving), (.done, .called): return .done
        case (.noShow, .called): return .noShow
        case (.transfer, .called), (.transfer, .serving): return .waiting
        case (.cancel, .waiting), (.cancel, .called): return .cancelled
        default:
            throw QueueError(.invalidTransition, action: action.name, state: state)
        }
    }

    /// The state a freshly called ticket must be in.
    public static func canCall(_ state: TicketState) -> Bool { state == .waiting }
}
