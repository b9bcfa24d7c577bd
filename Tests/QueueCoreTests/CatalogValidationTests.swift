import Foundation
import KioskTesting
import QueueCore
import Testing

@Suite("Catalog validation")
struct CatalogValidationTests {
    func expectInvalid(_ message: String, _ edit: (inout Catalog) -> Void) {
        var catalog = CatalogBuilder.small()
        edit(&catalog)
        do {
            try catalog.validate()
            Issue.record("expected the catalog to be refused")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func theSmallCatalogIsValid() async throws {
        try CatalogBuilder.small().validate()
    }

    @Test func duplicatePrefixIsRefused() {
        expectInvalid("Trùng tiền tố số phiếu: “A”.") { $0.fields[1].prefix = "A" }
    }

    @Test func counterMustServeKnownFields() {
        expectInvalid("Quầy 1 phục vụ lĩnh vực “dau-tu” không có trong danh mục; sửa quầy trước khi xóa lĩnh vực.") {
            $0.counters[0].fields = ["dau-tu"]
        }
    }

    @Test func prefixMustBeCapitalLetters() {
        expectInvalid("Tiền tố “a1” phải là 1–2 chữ in hoa A–Z.") { $0.fields[0].prefix = "a1" }
    }

    @Test func sameDayGroupIsOneToThree() {
        expectInvalid("Nhóm giải quyết trong ngày của “1.001193” phải là 1, 2 hoặc 3.") { $0.procedures[0].sameDayGroup = 4 }
    }

    @Test func sessionsMustBeOrderedTimes() {
        expectInvalid("Buổi làm việc “11:30–07:30” không hợp lệ (dạng HH:MM, bắt đầu trước kết thúc).") {
            $0.sessions[0] = OfficeSession(start: "11:30", end: "07:30")
        }
    }

    @Test func theDemoCatalogIsValid() async throws {
        let url = TestHall.repositoryAssets.appendingPathComponent("catalog.json")
        let catalog = try JSONDecoder().decode(Catalog.self, from: try Data(contentsOf: url))
        try catalog.validate()
        #expect(catalog.fields.map(\.name) == ["Đất đai", "Hộ tịch", "Chứng thực", "Kinh doanh", "An sinh xã hội", "Xây dựng"])
        for field in catalog.fields {
            #expect(catalog.procedures.filter { $0.field == field.code }.count >= 2, "field \(field.code)")
        }
    }
}
