public import Foundation
import GRDB
public import QueueCore

/// The citizen as a scanned ID card names them: the name and the last four digits of the number, all a ticket,
/// a booking or a dossier keeps (never the full number, birth date or address).
public struct CitizenTag: Codable, Sendable, Equatable {
    public var name: String
    public var idLast4: String?

    public init(name: String, idLast4: String?) {
        self.name = name
        self.idLast4 = idLast4
    }

    public init(card: CitizenIDCard) { self.init(name: card.name, idLast4: card.idLast4) }

    /// Checks what a page sent back: a name of 2–80 letters and, when given, exactly four digits.
    public func validated() throws(QueueError) -> CitizenTag {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (2...80).contains(name.count), name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" }) else {
            throw QueueError.invalid(
                "Họ tên phải từ 2 đến 80 chữ cái.", "The name must be 2 to 80 letters.")
        }
        if let digits = idLast4, digits.count != 4 || !digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw QueueError.invalid(
                "Bốn số cuối căn cước phải đúng 4 chữ số.", "The ID's last digits must be exactly 4 digits.")
        }
        return CitizenTag(name: name, idLast4: idLast4)
    }
}

extension AppDatabase {
    /// Today's open booking of the citizen a card names (same folded name and ID digits), if any.
    public func openBookingToday(for citizen: CitizenTag, at now: Date) async throws -> Booking? {
        guard let digits = citizen.idLast4 else { return nil }
        return try await writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT booking.*, NULL AS label FROM booking WHERE day = ? AND state = 'booked' AND citizenIdLast4 = ? AND citizenKey = ?
                    ORDER BY slotStart LIMIT 1
                    """,
                arguments: [VietnamTime.serviceDay(of: now), digits, DossierCitizen.searchKey(citizen.name)]
            ).map(Booking.init)
        }
    }
}
