import QueueStore

/// The words the report uses for feedback handling and the reasons for dissatisfaction, in every format.
enum CitizenVoiceText {
    /// The reasons in the tablet's order, each "Vietnamese (code)".
    static let reasons: [(code: String, label: String)] = [
        ("waiting", "Thời gian chờ lâu"), ("attitude", "Thái độ phục vụ"), ("guidance", "Hướng dẫn chưa rõ"),
        ("papers", "Giấy tờ, thủ tục"), ("other", "Lý do khác"), ("none", "Không nêu lý do"),
    ]

    static let feedbackHeader = [
        "Đã nhận (Received)", "Đã phân loại (Classified)", "Xử lý đúng hạn (Handled on time)", "Xử lý trễ hạn (Handled late)",
        "Quá hạn chưa xử lý (Overdue)", "Đang trong hạn (Open)", "Đúng hạn % (On time %)",
    ]

    static func feedbackRow(_ voice: CitizenVoiceFigures) -> [String] {
        [
            voice.feedbackReceived, voice.feedbackClassified, voice.feedbackHandledOnTime, voice.feedbackHandledLate,
            voice.feedbackOverdue, voice.feedbackOpen,
        ].map(String.init) + [voice.feedbackHandledOnTimeShare.map(ReportNumber.percent) ?? ""]
    }

    /// Reasons given at least once, as (label with code, count).
    static func reasonRows(_ voice: CitizenVoiceFigures) -> [(String, Int)] {
        reasons.compactMap { reason in
            voice.dissatisfactionReasons[reason.code].map { ("\(reason.label) (\(reason.code))", $0) }
        }
    }
}
