import DeviceIO
import Foundation
import Hall
import QueueCore
import WebAPI

/// Reads the catalog JSON, turning a missing or malformed file into a message that says where and what.
enum CatalogFile {
    static func load(_ url: URL) throws -> Catalog {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ValidationFailure("Không tìm thấy danh mục \(url.path) / catalog file not found; pass --assets DIR.")
        }
        do {
            let catalog = try JSONCoding.decoder().decode(Catalog.self, from: data)
            try catalog.validate()
            return catalog
        } catch let error as QueueError {
            throw ValidationFailure("Danh mục \(url.path) không hợp lệ: \(error.message) / \(error.englishMessage)")
        } catch {
            throw ValidationFailure("Danh mục \(url.path) không đọc được (JSON lỗi) / unreadable catalog: \(error)")
        }
    }
}

struct ValidationFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
