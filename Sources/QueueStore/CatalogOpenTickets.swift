import GRDB
import QueueCore

/// A catalog edit must not strand citizens: it is refused (409) while a removed field still has tickets
/// waiting or called today, a removed counter still has a ticket called or served there, or a field would
/// be left without any counter while tickets wait in it. Each refusal says how many tickets and where to
/// transfer them.
extension AppDatabase {
    func checkOpenTickets(_ db: Database, before: Catalog, after: Catalog, day: String) throws {
        let keptFields = Set(after.fields.map(\.code))
        for field in before.fields where !keptFields.contains(field.code) {
            let open = try count(db, field: field.code, day: day, states: "'waiting', 'called', 'serving'")
            if open > 0 { throw Self.fieldHasTickets(field, open, others: after.fields) }
        }
        let servedBefore = Set(before.counters.flatMap(\.fields))
        let servedAfter = Set(after.counters.flatMap(\.fields))
        let keptCounters = Set(after.counters.map(\.number))
        for counter in before.counters where !keptCounters.contains(counter.number) {
            let labels = try String.fetchAll(
                db, sql: "SELECT label FROM ticket WHERE counter = ? AND state IN ('called', 'serving') ORDER BY id",
                arguments: [counter.number])
            if !labels.isEmpty { throw Self.counterHasTickets(counter.number, labels, served: Array(servedAfter).sorted()) }
        }
        for field in after.fields where servedBefore.contains(field.code) && !servedAfter.contains(field.code) {
            let waiting = try count(db, field: field.code, day: day, states: "'waiting'")
            if waiting > 0 { throw Self.fieldLeftWithoutCounter(field, waiting, counters: after.counters) }
        }
    }

    func count(_ db: Database, field: String, day: String, states: String) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM ticket WHERE serviceDay = ? AND state IN (\(states)) AND field = ?", arguments: [day, field]
        ) ?? 0
    }

    static func fieldHasTickets(_ field: Field, _ count: Int, others: [Field]) -> QueueError {
        let targets = others.map { "“\($0.name)” (\($0.code))" }.joined(separator: ", ")
        let targetsEn = others.map { "'\($0.nameEn)' (\($0.code))" }.joined(separator: ", ")
        return QueueError(
            .conflict,
            message: """
                Không thể xóa lĩnh vực “\(field.name)”: còn \(count) phiếu đang chờ hoặc đang được gọi. Hãy chuyển các \
                phiếu này sang lĩnh vực khác (\(targets.isEmpty ? "thêm lĩnh vực mới trước" : targets)) bằng nút “Chuyển” \
                tại quầy, hoặc kết thúc chúng, rồi xóa lại.
                """,
            englishMessage: """
                Cannot remove field '\(field.nameEn)': \(count) ticket(s) are still waiting or called. Transfer them to another \
                field (\(targetsEn.isEmpty ? "add one first" : targetsEn)) with Transfer at a counter, or finish them, then \
                remove it again.
                """)
    }

    static func counterHasTickets(_ number: Int, _ labels: [String], served: [String]) -> QueueError {
        let list = labels.joined(separator: ", ")
        let fields = served.joined(separator: ", ")
        return QueueError(
            .conflict,
            message: """
                Không thể xóa quầy \(number): còn \(labels.count) phiếu đã gọi hoặc đang phục vụ tại quầy (\(list)). Hãy hoàn \
                thành, báo vắng, hoặc chuyển chúng sang một lĩnh vực có quầy khác phục vụ (\(fields)) rồi xóa lại.
                """,
            englishMessage: """
                Cannot remove counter \(number): \(labels.count) ticket(s) are called or being served there (\(list)). Finish \
                them, mark them no-show, or transfer them to a field another counter serves (\(fields)), then remove it again.
                """)
    }

    static func fieldLeftWithoutCounter(_ field: Field, _ count: Int, counters: [Counter]) -> QueueError {
        let numbers = counters.map { String($0.number) }.joined(separator: ", ")
        return QueueError(
            .conflict,
            message: """
                Sau thay đổi này không quầy nào phục vụ lĩnh vực “\(field.name)” trong khi còn \(count) phiếu đang chờ. Hãy \
                giao lĩnh vực cho một quầy khác (\(numbers.isEmpty ? "thêm quầy trước" : "quầy \(numbers)")) hoặc chuyển các \
                phiếu sang lĩnh vực khác trước.
                """,
            englishMessage: """
                After this change no counter would serve field '\(field.nameEn)' while \(count) ticket(s) wait in it. Assign \
                the field to another counter (\(numbers.isEmpty ? "add one first" : "counter \(numbers)")) or transfer the \
                tickets to another field first.
                """)
    }
}
