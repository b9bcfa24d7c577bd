import Hall
import Foundation
import Hummingbird
import QueueCore

/// Query parameters validated at the boundary, with errors that say what was expected.
extension Request {
    /// A `YYYY-MM-DD` service day, or `fallback` when absent.
    func day(_ name: String, default fallback: String) throws -> String {
        guard let text = uri.queryParameters.get(name) else { return fallback }
        guard let day = DayKey(iso: text) else {
            throw QueueError.invalid("Tham số \(name)=“\(text)” phải là ngày dạng YYYY-MM-DD.", "'\(name)=\(text)' must be a YYYY-MM-DD date.")
        }
        return day.iso
    }

    func optionalInt(_ name: String) throws -> Int? {
        guard let text = uri.queryParameters.get(name) else { return nil }
        guard let value = Int(text) else {
            throw QueueError.invalid("Tham số \(name)=“\(text)” phải là số nguyên.", "'\(name)=\(text)' must be an integer.")
        }
        return value
    }
}
