import DeviceProtocols
import Simulators
import Testing

@Suite("Sending a text message through the AT dialogue")
struct SMSModemSessionTests {
    static let gsm = ModemProfile(id: "t", name: "t", charset: .gsm, commandTimeout: 0.5, sendTimeout: 0.5)
    static let ucs2 = ModemProfile(id: "t", name: "t", charset: .ucs2, commandTimeout: 0.5, sendTimeout: 0.5)

    @Test func gsmTextGoesOutWithoutDiacriticsByteForByte() throws {
        let modem = SimulatedModem()
        let reference = try SMSModemSession(link: modem, profile: Self.gsm).send(
            to: "0903 123 456", text: "Sắp đến lượt số A012 tại quầy 3 — 3 người trước bạn.")
        #expect(reference == 1)
        let expected =
            "ATE0\rAT+CPIN?\rAT+CREG?\rAT+CMGF=1\rAT+CSCS=\"GSM\"\rAT+CSMP=17,167,0,0\rAT+CMGS=\"+84903123456\"\r"
            + "Sap den luot so A012 tai quay 3   3 nguoi truoc ban.\u{1A}"
        #expect(modem.received == Array(expected.utf8))
        #expect(modem.messages == [.init(recipient: "+84903123456", text: "Sap den luot so A012 tai quay 3   3 nguoi truoc ban.")])
    }

    @Test func ucs2KeepsVietnameseAndHexEncodesTheNumberToo() throws {
        let modem = SimulatedModem()
        _ = try SMSModemSession(link: modem, profile: Self.ucs2).send(to: "0903123456", text: "Sắp đến lượt")
        let sent = String(decoding: modem.received, as: UTF8.self)
        #expect(sent.contains("AT+CSCS=\"UCS2\"\rAT+CSMP=17,167,0,8\r"))
        // "+84903123456" as UTF-16BE hex, then "Sắp đến lượt" the same way.
        #expect(sent.contains("AT+CMGS=\"002B00380034003900300033003100320033003400350036\"\r"))
        #expect(sent.hasSuffix("00531EAF0070002001111EBF006E0020006C01B01EE30074\u{1A}"))
        #expect(modem.messages == [.init(recipient: "+84903123456", text: "Sắp đến lượt")])
    }

    @Test func failuresAreSaidInWords() {
        let modem = SimulatedModem()
        modem.setFailure(.noSIM)
        #expect(throws: ModemError.self) { try SMSModemSession(link: modem, profile: Self.gsm).send(to: "0903123456", text: "x") }
        modem.setFailure(.noNetwork)
        do {
            _ = try SMSModemSession(link: modem, profile: Self.gsm).send(to: "0903123456", text: "x")
            Issue.record("sent without network")
        } catch {
            #expect(error.code == .notRegistered)
            #expect(error.message == "Modem chưa đăng ký được mạng di động (+CREG: 0,2); kiểm tra sóng và SIM.")
        }
        modem.setFailure(.refused(38))
        do {
            _ = try SMSModemSession(link: modem, profile: Self.gsm).send(to: "0903123456", text: "x")
            Issue.record("a refused message counted as sent")
        } catch {
            #expect(error.code == .refused && error.message == "Mạng từ chối tin nhắn (mã lỗi 38); sẽ thử lại sau.")
        }
        modem.setFailure(nil)
        modem.setUnplugged(true)
        do {
            _ = try SMSModemSession(link: modem, profile: Self.gsm).send(to: "0903123456", text: "x")
        } catch {
            #expect(error.code == .unavailable)
        }
        #expect(modem.messages.isEmpty)
    }

    @Test func longTextsAreCutToOneMessage() {
        let long = String(repeating: "Trung tâm phục vụ hành chính công ", count: 10)
        #expect(SMSText.gsm(long).count == 160 && SMSText.gsm(long).hasSuffix(".."))
        #expect(SMSText.payload(long, charset: .ucs2).count == 70 * 4)
        #expect(SMSText.gsm("Giá: 10$ [ok] @quầy_3?") == "Gia: 10   ok   quay 3?")
    }
}
