import Foundation
import QueueCore
import QueueStore

/// The alert rules over the supervisor's live figures; pure, so tests feed figures and read alerts.
struct AlertRules {
    let targets: ServiceTargets

    func alerts(figures: SupervisorFigures, openDossiers: [Dossier], at now: Date) -> [HallAlert] {
        figures.fields.flatMap { fieldAlerts($0, now) } + counterAlerts(figures, now)
            + openDossiers.compactMap { promiseAlert($0, now) }
    }

    func fieldAlerts(_ field: FieldWatch, _ now: Date) -> [HallAlert] {
        var alerts: [HallAlert] = []
        if field.waiting > 0, field.estimatedWaitMinutes > field.targetMinutes {
            alerts.append(
                HallAlert(
                    id: "predicted-wait:\(field.code)", kind: .predictedWait, field: field.code,
                    message:
                        "\(field.name): chờ dự kiến \(field.estimatedWaitMinutes) phút, vượt mục tiêu \(field.targetMinutes) phút — mở thêm quầy?",
                    messageEn:
                        "\(field.nameEn): predicted wait \(field.estimatedWaitMinutes) min exceeds the \(field.targetMinutes) min target — open another counter?",
                    at: now))
        }
        if field.waiting > 0, field.longestWaitMinutes > field.targetMinutes {
            alerts.append(
                HallAlert(
                    id: "ticket-over-target:\(field.code)", kind: .ticketOverTarget, field: field.code,
                    message: "\(field.name): có người đã chờ \(field.longestWaitMinutes) phút (mục tiêu \(field.targetMinutes) phút).",
                    messageEn: "\(field.nameEn): someone has waited \(field.longestWaitMinutes) min (target \(field.targetMinutes) min).",
                    at: now))
        }
        return alerts
    }

    func counterAlerts(_ figures: SupervisorFigures, _ now: Date) -> [HallAlert] {
        let waitingFields = Set(figures.fields.filter { $0.waiting > 0 }.map(\.code))
        return figures.counters.compactMap { counter in
            guard let idle = counter.idleMinutes, idle >= targets.idleCounterMinutes,
                !waitingFields.isDisjoint(with: counter.fields)
            else { return nil }
            return HallAlert(
                id: "idle-counter:\(counter.number)", kind: .idleCounter, counter: counter.number,
                message: "\(counter.name) không gọi số đã \(idle) phút trong khi có người đang chờ.",
                messageEn: "Counter \(counter.number) has not called anyone for \(idle) min while people wait.",
                at: now)
        }
    }

    func promiseAlert(_ dossier: Dossier, _ now: Date) -> HallAlert? {
        guard dossier.sameDay, dossier.returnedAt == nil, let promised = dossier.promisedAt,
            promised.timeIntervalSince(now) <= Double(targets.promiseRiskMinutes * 60)
        else { return nil }
        let time = VietnamTime.clockTime(promised)
        let label = dossier.ticket ?? "#\(dossier.id)"
        return HallAlert(
            id: "promise-at-risk:\(dossier.id)", kind: .promiseAtRisk, field: dossier.field, counter: dossier.counter,
            message: "Hồ sơ \(label) (\(dossier.procedureName)) hẹn trả \(time) chưa có kết quả.",
            messageEn: "Dossier \(label) (\(dossier.procedure)) promised for \(time) has no result yet.",
            at: now)
    }

    /// One standing alert while any feedback item is open past its deadline.
    static func feedbackAlert(overdue: Int, _ now: Date) -> HallAlert? {
        guard overdue > 0 else { return nil }
        return HallAlert(
            id: "feedback-overdue", kind: .feedbackOverdue,
            message: "\(overdue) phản ánh, kiến nghị đã quá hạn xử lý; hãy giao và trả lời ngay.",
            messageEn: "\(overdue) feedback item(s) are past their deadline; assign and answer them now.", at: now)
    }
}
