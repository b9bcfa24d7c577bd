import Foundation
import QueueCore
import Testing

/// `khongcho backup` lowers its login session's CPU share for as long as it runs and puts it back after.
@Suite("Session share")
struct SessionShareTests {
    @Test func theNiceValueIsReadFromTheAutogroupLine() {
        #expect(SessionShare.niceValue(in: "/autogroup-9995 nice 0\n") == 0)
        #expect(SessionShare.niceValue(in: "/autogroup-12 nice 19\n") == 19)
        #expect(SessionShare.niceValue(in: "/autogroup-12 nice -5\n") == -5)
        #expect(SessionShare.niceValue(in: "") == nil)
        #expect(SessionShare.niceValue(in: "/autogroup-12 nice") == nil)
    }

    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: SessionShare.file)))
    func theSessionRunsAtNice19UntilRestored() throws {
        guard let before = SessionShare.current() else {
            // A process in the root autogroup (no setsid since boot, like CI's runner and PID 1 on this box) reads
            // an empty line: there is no session share to lower.
            #expect(SessionShare.lower().previous == nil)
            return
        }
        let share = SessionShare.lower()
        guard let previous = share.previous else {
            // Refused or already at 19: then nothing changed.
            #expect(SessionShare.current() == before)
            return
        }
        #expect(previous == before)
        #expect(SessionShare.current() == 19)
        share.restore()
        #expect(SessionShare.current() == before)
    }
}
