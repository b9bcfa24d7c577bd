/// A staff action on a ticket that already exists. `call` is reached through "next", not here.
public enum TicketAction: Sendable, Equatable {
    case recall
    case serve
    case done(Outcome)
    case noShow
    case transfer(toField: String)
    case cancel

    public var eventKind: TicketEventKind {
        switch self {
        case .recall: .recalled
        case .serve: .serving
        case .done: .done
        case .noShow: .noShow
        case .transfer: .transferred
        case .cancel: .cancelled
        }
    }

    public var name: String {
        switch self {
        case .recall: "recall"
        case .serve: "serve"
        case .done: "done"
        case .noShow: "no-show"
        case .transfer: "transfer"
        case .cancel: "cancel"
        }
    }
}
