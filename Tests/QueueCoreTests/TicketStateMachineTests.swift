import QueueCore
import Testing

@Suite("Ticket state machine")
struct TicketStateMachineTests {
    static let allowed: [(TicketAction, TicketState, TicketState)] = [
        (.recall, .called, .called),
        (.serve, .called, .serving),
        (.done(.returned), .serving, .done),
        (.done(.guided), .called, .done),
        (.noShow, .called, .noShow),
        (.transfer(toField: "x"), .called, .waiting),
        (.transfer(toField: "x"), .serving, .waiting),
        (.cancel, .waiting, .cancelled),
        (.cancel, .called, .cancelled),
    ]

    static let actions: [TicketAction] = [.recall, .serve, .done(.received), .noShow, .transfer(toField: "x"), .cancel]

    @Test(arguments: allowed.indices)
    func allowedTransition(index: Int) async throws {
        let (action, from, to) = Self.allowed[index]
        #expect(try TicketStateMachine.next(after: action, from: from) == to)
    }

    @Test(arguments: TicketState.allCases)
    func everyOtherTransitionIsRefused(state: TicketState) {
        for action in Self.actions {
            let isAllowed = Self.allowed.contains { $0.0.name == action.name && $0.1 == state }
            if isAllowed { continue }
            #expect(throws: QueueError.self) { try TicketStateMachine.next(after: action, from: state) }
        }
    }

    @Test func finalStatesAcceptNothing() {
        for state in TicketState.allCases where state.isFinal {
            for action in Self.actions {
                #expect(throws: QueueError.self) { try TicketStateMachine.next(after: action, from: state) }
            }
        }
    }

    @Test func refusalSaysWhatAndWhyInVietnamese() {
        do {
            _ = try TicketStateMachine.next(after: .serve, from: .done)
            Issue.record("serve after done must fail")
        } catch {
            #expect(error.code == .invalidTransition)
            #expect(error.message == "Không thể thực hiện “serve” khi phiếu đang ở trạng thái “đã xong”.")
        }
    }
}
