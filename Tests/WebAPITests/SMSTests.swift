import DeviceProtocols
import Foundation
import HTTPTypes
import Hall
import HummingbirdTesting
import KioskTesting
import Logging
import QueueCore
import QueueStore
import Simulators
import Testing
import WebAPI

@Suite("Text messages: near turn and booking confirmations, with consent, retried, deleted after the day")
struct SMSTests {
    static let profile = ModemProfile(id: "t", name: "t", charset: .gsm, commandTimeout: 0.5, sendTimeout: 0.5)

    static func setUp() async throws -> (TestHall, KioskApp, SimulatedModem, SMSDispatcher) {
        let hall = try await TestHall(start: "2026-03-02 08:00")
        var settings = hall.settings
        settings.smsCharset = .gsm
        let kiosk = KioskApp(database: hall.database, settings: settings, clock: hall.clock)
        let modem = SimulatedModem()
        let dispatcher = SMSDispatcher(
            database: hall.database, sender: ModemSender(profile: profile, name: "simulated", open: { modem }), alerts: kiosk.alerts,
            clock: hall.clock, logger: Logger(label: "test"))
        return (hall, kiosk, modem, dispatcher)
    }

    @Test func theNearTurnMessageGoesOnceWhenTwoAreAhead() async throws {
        let (hall, kiosk, modem, dispatcher) = try await Self.setUp()
        try await withAPI(hall, kiosk: kiosk) { client in
            #expect(try await client.json("/api/v1/sms").object()["available"] as? Bool == true)
            var tokens: [String] = []
            for _ in 0..<5 {
                tokens.append(
                    try #require(
                        try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#).object()["token"] as? String))
            }
            let path = "/api/v1/public/tickets/\(tokens[4])/sms"
            let noConsent = try await client.json(path, .put, body: #"{"phone":"0903123456","consent":false}"#)
            #expect(noConsent.status == .unprocessableContent)
            #expect(try noConsent.errorMessage() == "Cần đồng ý nhận tin nhắn thì mới lưu số điện thoại (số sẽ được xoá sau ngày hôm đó).")
            let landline = try await client.json(path, .put, body: #"{"phone":"028 3829 1234","consent":true}"#)
            #expect(try landline.errorMessage() == "Số điện thoại di động cần 10 chữ số, bắt đầu bằng 0 (ví dụ 0912 345 678).")
            let subscribed = try await client.json(path, .put, body: #"{"phone":"+84 903 123 456","consent":true}"#).object()
            #expect(subscribed["subscribed"] as? Bool == true && subscribed["phone"] as? String == "•••••••456")
            #expect(try await client.json(path).object()["subscribed"] as? Bool == true)

            // Four, then three ahead: nothing yet. A002 is called: two ahead, the message goes, once.
            try await dispatcher.tick()
            _ = try await hall.database.callNext(counter: 1, by: hall.staff(1), at: hall.clock.now())
            try await dispatcher.tick()
            #expect(modem.messages.isEmpty)
            _ = try await hall.database.callNext(counter: 2, by: hall.staff(2), at: hall.clock.now())
            try await dispatcher.tick()
            try await dispatcher.tick()
            #expect(
                modem.messages == [
                    .init(recipient: "+84903123456", text: "Sap den luot so A005: con 2 nguoi truoc quy khach. Moi ve sanh cho.")
                ])

            // The next day the phone is gone.
            hall.clock.set(ManualClock.vietnamDate("2026-03-03 07:00"))
            try await dispatcher.tick()
            #expect(try await hall.database.ticketSMSPhone(token: tokens[4])?.value == nil)
        }
    }

    @Test func aFailedMessageIsKeptRetriedAndAlertedThenSent() async throws {
        let (hall, kiosk, modem, dispatcher) = try await Self.setUp()
        let alerts = kiosk.alerts
        try await withAPI(hall, kiosk: kiosk) { client in
            modem.setFailure(.refused(38))
            let booked = try await client.json(
                "/api/v1/bookings", .post,
                body: #"{"field":"dat-dai","date":"2026-03-03","slot":"09:00","phone":"0912345678","smsConsent":true}"#)
            #expect(booked.status == .created)
            let code = try #require(try booked.object()["code"] as? String)
            try await dispatcher.tick()
            #expect(modem.messages.isEmpty)
            let alert = try #require(alerts.current.first { $0.id == "sms-modem" })
            #expect(alert.message == "Tin nhắn SMS chưa gửi được (sẽ thử lại): Mạng từ chối tin nhắn (mã lỗi 38); sẽ thử lại sau.")
            #expect(try await hall.database.smsCounts() == [.queued: 1])

            // Not before its retry time; then the network takes it and the alert clears.
            modem.setFailure(nil)
            try await dispatcher.tick()
            #expect(modem.messages.isEmpty)
            hall.clock.advance(minutes: 1)
            try await dispatcher.tick()
            #expect(
                modem.messages.map(\.text) == [
                    "Lich hen 09:00 03/03/2026, ma \(code). Nhap ma tai ki-ot khi den."
                ])
            #expect(try await hall.database.smsCounts() == [.sent: 1])
            #expect(alerts.current.contains { $0.id == "sms-modem" } == false)

            // Without consent no phone is kept; a hall without a modem refuses politely.
            let refused = try await client.json(
                "/api/v1/bookings", .post, body: #"{"field":"dat-dai","date":"2026-03-03","slot":"09:30","phone":"0912345678"}"#)
            #expect(refused.status == .unprocessableContent)
        }
        let plain = try await TestHall(start: "2026-03-02 08:00")
        try await withAPI(plain) { client in
            #expect(try await client.json("/api/v1/sms").object()["available"] as? Bool == false)
            let token = try #require(
                try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#).object()["token"] as? String)
            let none = try await client.json("/api/v1/public/tickets/\(token)/sms", .put, body: #"{"phone":"0903123456","consent":true}"#)
            #expect(none.status == .conflict)
            #expect(try await client.json("/api/v1/public/tickets/\(token)/sms", .delete).object()["subscribed"] as? Bool == false)
        }
    }
}
