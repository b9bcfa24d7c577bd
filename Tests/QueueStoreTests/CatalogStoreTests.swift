import Foundation
import KioskTesting
import QueueCore
import QueueStore
import Testing

@Suite("Catalog in the store")
struct CatalogStoreTests {
    @Test func seededCatalogReadsBackUnchanged() async throws {
        let hall = try await TestHall()
        #expect(try await hall.database.catalog() == CatalogBuilder.small())
    }

    @Test func editsAreValidatedAndAtomic() async throws {
        let hall = try await TestHall()
        await #expect(throws: QueueError.self) {
            try await hall.database.editCatalog(at: hall.clock.now()) { $0.fields[1].prefix = "A" }
        }
        #expect(try await hall.database.catalog() == CatalogBuilder.small())
        let edited = try await hall.database.editCatalog(at: hall.clock.now()) { catalog in
            catalog.fields.append(Field(code: "chung-thuc", name: "Chứng thực", nameEn: "Certification", prefix: "C"))
            catalog.counters[0].fields.append("chung-thuc")
            catalog.fields.swapAt(0, 1)
            (catalog.fields[0].prefix, catalog.fields[1].prefix) = ("A", "B")
        }
        #expect(try await hall.database.catalog() == edited)
        #expect(
            try await hall.database.issueTicket(field: "chung-thuc", priority: .none, source: nil, at: hall.clock.now()).ticket.label
                == "C001")
        #expect(
            try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now()).ticket.label == "B001"
        )
    }

    @Test func waitingListPutsPriorityFirst() async throws {
        let hall = try await TestHall()
        _ = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        hall.clock.advance(minutes: 1)
        _ = try await hall.database.issueTicket(field: "ho-tich", priority: .infant, source: nil, at: hall.clock.now())
        #expect(try await hall.database.waitingList(counter: 2, at: hall.clock.now()).map(\.number) == ["B001", "A001"])
        #expect(try await hall.database.waitingList(counter: 1, at: hall.clock.now()).map(\.number) == ["A001"])
    }
}
