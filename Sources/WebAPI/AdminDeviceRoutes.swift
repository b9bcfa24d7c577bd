import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// `/admin/devices`: every printer, display and keypad with its status; bind to a counter (written to the
/// audit log); test pattern; type on a simulated keypad.
struct AdminDeviceRoutes {
    let directory: any DeviceDirectory
    let database: AppDatabase
    let clock: any WallClock

    struct DeviceList: Encodable, Sendable { let devices: [DeviceInfo] }
    struct BindingRequest: Codable { let counter: Int? }
    struct KeysRequest: Decodable { let keys: String }
    struct KeysAnswer: Encodable, Sendable { let actions: [String] }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/admin/devices") { _, context in
            _ = try context.requireRole(.admin)
            return JSON(DeviceList(devices: await directory.devices()))
        }
        routes.add(.put, "/api/v1/admin/devices/{id}/binding") { request, context in
            _ = try context.requireRole(.admin)
            let body = try await request.decode(as: BindingRequest.self, context: context)
            let id = try deviceID(context)
            let before = await directory.devices().first { $0.id == id }?.counter
            let bound = try await directory.bind(id, counter: body.counter)
            try await database.recordAudit(
                .deviceBound, target: id, before: try AppDatabase.auditJSON(BindingRequest(counter: before)),
                after: try AppDatabase.auditJSON(BindingRequest(counter: bound.counter)), by: context.auditStamp, at: clock.now())
            return JSON(bound)
        }
        routes.add(.post, "/api/v1/admin/devices/{id}/test") { _, context in
            _ = try context.requireRole(.admin)
            return JSON(try await directory.test(try deviceID(context)))
        }
        routes.add(.post, "/api/v1/admin/devices/{id}/keys") { request, context in
            _ = try context.requireRole(.admin)
            let body = try await request.decode(as: KeysRequest.self, context: context)
            guard (1...32).contains(body.keys.count) else {
                throw QueueError.invalid("Gõ từ 1 đến 32 phím.", "Type 1 to 32 keys.")
            }
            return JSON(KeysAnswer(actions: try await directory.type(try deviceID(context), keys: body.keys)))
        }
    }

    func deviceID(_ context: AppRequestContext) throws -> String {
        guard let id = context.parameters.get("id"), !id.isEmpty, id.count <= 128 else {
            throw QueueError.invalid("Thiếu mã thiết bị.", "Missing device id.")
        }
        return id
    }
}
