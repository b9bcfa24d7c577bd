import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// Dossier intake at the counter (with its promise and printed slip), returns, and the late list with
/// apology letters for the supervisor.
struct DossierRoutes {
    let database: AppDatabase
    let book: CalendarBook
    let clock: any WallClock
    let slips: any SlipOutput

    struct IntakeRequest: Decodable {
        let procedure: String
        let complete: Bool
        /// The citizen's name and phone, optional: with them the result can be found at the return desk.
        let citizenName: String?
        let citizenPhone: String?
    }

    struct IntakeAnswer: Encodable, Sendable {
        struct Body: Encodable, Sendable {
            let id: Int64
            let ticket: String?
            let procedure: String
            let procedureName: String
            let complete: Bool
            let promisedAt: Date?
            let rule: String?
            let explanation: String
            let explanationEn: String
            let slip: PrintOutcome.Status
            let slipError: String?
        }
        let dossier: Body
    }

    struct DossierList: Encodable, Sendable { let dossiers: [Dossier] }

    func register(on routes: RouteTable) {
        routes.add(.post, "/api/v1/tickets/{id}/dossiers") { request, context in
            let actor = try context.requireActor()
            guard let id = context.parameters.get("id", as: Int64.self) else {
                throw QueueError.unknownTicket(context.parameters.get("id") ?? "")
            }
            let body = try await request.decode(as: IntakeRequest.self, context: context)
            try TextInput.check(body.procedure, "procedure")
            let citizen = try DossierDeskInput.citizen(name: body.citizenName, phone: body.citizenPhone)
            return JSON(try await intake(body, citizen: citizen, ticket: id, actor: actor), status: .created)
        }
        routes.add(.post, "/api/v1/dossiers/{id}/return") { _, context in
            let actor = try context.requireActor()
            return JSON(
                try await database.returnDossier(id: try dossierID(context), by: actor, client: context.clientAddress, at: clock.now()))
        }
        routes.add(.get, "/api/v1/dossiers") { request, context in
            _ = try context.requireRole(.supervisor)
            let now = clock.now()
            if request.uri.queryParameters.get("status") == "late" {
                return JSON(DossierList(dossiers: try await database.lateDossiers(at: now)))
            }
            let today = VietnamTime.serviceDay(of: now)
            let from = try request.day("from", default: today)
            return JSON(DossierList(dossiers: try await database.dossiers(from: from, to: try request.day("to", default: today), at: now)))
        }
        routes.add(.get, "/api/v1/dossiers/{id}/apology") { _, context in
            let actor = try context.requireActor()
            let now = clock.now()
            guard let dossier = try await database.dossier(id: try dossierID(context), at: now) else {
                throw AppDatabase.unknownDossier(try dossierID(context))
            }
            guard try await database.mayHandle(field: dossier.field, by: actor) else {
                throw QueueError(
                    .notYourCounter, message: "Quầy của bạn không phục vụ lĩnh vực “\(dossier.field)” của hồ sơ \(dossier.id).",
                    englishMessage: "Your counter does not serve field '\(dossier.field)' of dossier \(dossier.id).")
            }
            guard dossier.status == .late || dossier.status == .returnedLate || dossier.lateReason != nil else {
                throw QueueError(
                    .conflict, message: "Hồ sơ \(dossier.id) không trễ hẹn nên không cần thư xin lỗi.",
                    englishMessage: "Dossier \(dossier.id) is not late, so no apology is due.")
            }
            let names = try await database.displayNames()
            let staffName = dossier.staff.flatMap { names[$0] }
            let letter = ApologyLetter(
                dossier: dossier, centreName: try await database.catalog().centreName, today: now, staffName: staffName
            ).html()
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: letter)))
        }
    }

    func intake(_ body: IntakeRequest, citizen: DossierCitizen?, ticket id: Int64, actor: StaffActor) async throws -> IntakeAnswer {
        let now = clock.now()
        let catalog = try await database.catalog()
        guard let procedure = catalog.procedures.first(where: { $0.code == body.procedure }) else {
            throw QueueError(
                .unknownProcedure, message: "Không có thủ tục mã “\(body.procedure)”.", englishMessage: "No procedure '\(body.procedure)'.")
        }
        let promise = body.complete ? try PromiseCalculator(calendar: book.current).promise(for: procedure, receivedAt: now) : nil
        let (dossier, _) = try await database.recordDossier(
            ticket: id, procedure: procedure, complete: body.complete, promise: promise, citizen: citizen, by: actor, at: now)
        var printed = PrintOutcome(status: .none)
        if let promise {
            var slip = PromiseSlip(
                dossierId: dossier.id, ticketId: dossier.ticketId, ticket: dossier.ticket ?? "",
                fieldName: catalog.fields.first { $0.code == procedure.field }?.name ?? procedure.field,
                counter: dossier.counter, procedureCode: procedure.code,
                procedureName: procedure.name, receivedAt: now, promisedAt: promise.promisedAt, explanation: promise.explanation)
            slip.statusToken = try await database.ticket(id: id)?.token ?? ""
            printed = await slips.printSlip(slip)
        }
        return IntakeAnswer(
            dossier: .init(
                id: dossier.id, ticket: dossier.ticket, procedure: procedure.code, procedureName: procedure.name, complete: body.complete,
                promisedAt: promise?.promisedAt, rule: promise?.rule.code,
                explanation: promise?.explanation ?? "Hồ sơ chưa đủ — hướng dẫn công dân bổ sung; chưa hẹn ngày trả.",
                explanationEn: promise?.explanationEn ?? "Incomplete dossier — tell the citizen what to add; no return promised yet.",
                slip: printed.status, slipError: printed.status == .failed ? printed.message : nil))
    }

    func dossierID(_ context: AppRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw QueueError.invalid("Mã hồ sơ phải là số.", "The dossier id must be a number.")
        }
        return id
    }
}
