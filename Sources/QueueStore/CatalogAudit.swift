import Foundation
import QueueCore

/// The audit entry a catalog edit writes in its transaction: the action, who, and which part of the
/// catalog to keep before and after.
public struct CatalogAudit: Sendable {
    public var action: AuditAction
    public var part: CatalogPart
    public var stamp: AuditStamp

    public init(action: AuditAction, part: CatalogPart, stamp: AuditStamp) {
        self.action = action
        self.part = part
        self.stamp = stamp
    }
}

/// The part of the catalog an audited edit changes; `nil` JSON when the part is absent (added or removed).
public enum CatalogPart: Sendable, Equatable {
    case whole
    case field(String)
    case procedure(String)
    case counter(Int)

    var target: String? {
        switch self {
        case .whole: nil
        case .field(let code), .procedure(let code): code
        case .counter(let number): String(number)
        }
    }

    func json(in catalog: Catalog) throws -> String? {
        switch self {
        case .whole: try AppDatabase.auditJSON(catalog)
        case .field(let code): try catalog.fields.first { $0.code == code }.map { try AppDatabase.auditJSON($0) }
        case .procedure(let code): try catalog.procedures.first { $0.code == code }.map { try AppDatabase.auditJSON($0) }
        case .counter(let number): try catalog.counters.first { $0.number == number }.map { try AppDatabase.auditJSON($0) }
        }
    }
}
