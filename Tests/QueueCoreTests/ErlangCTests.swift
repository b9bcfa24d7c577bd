import Foundation
import QueueCore
import Testing

@Suite("Erlang C")
struct ErlangCTests {
    /// The worked example of Call Centre Helper's “Erlang C formula – made simple”: 100 calls in 30 minutes,
    /// 180 s handling time (10 erlangs), 80 % answered in 20 s: P(wait) 68.21 % with 11 agents, 14 agents
    /// needed, giving 88.8 % in 20 s and 7.8 s average wait.
    @Test func publishedCallCentreExample() {
        let eleven = ErlangC(arrivalsPerHour: 200, meanServiceSeconds: 180, servers: 11)
        #expect(eleven.load == 10)
        #expect(abs(eleven.probabilityOfWaiting - 0.6821) < 0.00005)
        #expect(abs(eleven.serviceLevel(withinSeconds: 20) - 0.3896) < 0.00005)
        #expect(abs(eleven.meanWaitSeconds - 122.78) < 0.005)
        let fourteen = ErlangC(arrivalsPerHour: 200, meanServiceSeconds: 180, servers: 14)
        #expect(abs(fourteen.probabilityOfWaiting - 0.1741) < 0.00005)
        #expect(abs(fourteen.serviceLevel(withinSeconds: 20) - 0.8884) < 0.00005)
        #expect(abs(fourteen.meanWaitSeconds - 7.836) < 0.0005)
        let thirteen = ErlangC(arrivalsPerHour: 200, meanServiceSeconds: 180, servers: 13)
        #expect(thirteen.serviceLevel(withinSeconds: 20) < 0.8)
    }

    /// Cross-check with the textbook closed form C = (aᶜ/c!)·c/(c−a) / (Σₖ<c aᵏ/k! + (aᶜ/c!)·c/(c−a)).
    @Test(arguments: [(0.5, 1), (2.0, 3), (4.2, 5), (10.0, 12), (19.5, 25), (50.0, 60)])
    func matchesTheClosedForm(load: Double, servers: Int) {
        var term = 1.0
        var sum = 0.0
        for k in 0..<servers {
            sum += term
            term *= load / Double(k + 1)
        }
        let top = term * Double(servers) / (Double(servers) - load)
        let expected = top / (sum + top)
        let model = ErlangC(arrivalsPerHour: load * 60, meanServiceSeconds: 60, servers: servers)
        #expect(abs(model.probabilityOfWaiting - expected) < 1e-12)
    }

    @Test func singleServerIsMM1() {
        // M/M/1: P(wait) = ρ, Wq = ρ/(μ − λ).
        let model = ErlangC(arrivalsPerHour: 6, meanServiceSeconds: 300, servers: 1)
        #expect(abs(model.probabilityOfWaiting - 0.5) < 1e-12)
        #expect(abs(model.meanWaitSeconds - 300) < 1e-9)
        #expect(abs(model.serviceLevel(withinSeconds: 300) - (1 - 0.5 * exp(-0.5))) < 1e-12)
    }

    @Test func largeCentresStayFinite() {
        let model = ErlangC(arrivalsPerHour: 60 * 480, meanServiceSeconds: 60, servers: 500)
        #expect(model.probabilityOfWaiting.isFinite)
        #expect(model.probabilityOfWaiting > 0 && model.probabilityOfWaiting < 1)
    }

    @Test func unstableQueues() {
        let model = ErlangC(arrivalsPerHour: 20, meanServiceSeconds: 360, servers: 2)
        #expect(!model.isStable)
        #expect(model.probabilityOfWaiting == 1)
        #expect(model.meanWaitSeconds == .infinity)
        #expect(model.serviceLevel(withinSeconds: 900) == 0)
    }
}
