public import Foundation
import QueueCore
public import QueueStore

/// The apology and new-date letter for an overdue result (Nghị định 118/2025/NĐ-CP requires the officer to
/// apologise to the citizen in writing), as printable HTML: the citizen's name, the reason and the new date as the
/// officer recorded them at the return desk (blank lines to fill by hand when not), to sign.
public struct ApologyLetter {
    let dossier: Dossier
    let centreName: String
    let today: Date
    /// The receiving officer's display name (the username when none is set).
    let staffName: String?

    public init(dossier: Dossier, centreName: String, today: Date, staffName: String? = nil) {
        self.dossier = dossier
        self.centreName = centreName
        self.today = today
        self.staffName = staffName ?? dossier.staff
    }

    public func html() -> String {
        let promised = dossier.promisedAt.map(Self.stamp) ?? "—"
        let ticket = Self.escape(dossier.ticket ?? "#\(dossier.id)")
        let addressee =
            dossier.citizenName.map { "<b>\(Self.escape($0))</b> (số thứ tự \(ticket), mã hồ sơ \(dossier.id))" }
            ?? "có hồ sơ số thứ tự <b>\(ticket)</b> (mã hồ sơ \(dossier.id))"
        // Blank lines to fill by hand when the officer has not recorded the reason or the new date yet.
        let reason =
            dossier.lateReason.map { "<p class=\"filled\">\(Self.escape($0))</p>" }
            ?? #"<div class="line"></div><div class="line"></div>"#
        let newDate = dossier.newPromisedAt.map { "<b>\(Self.stamp($0))</b>" } ?? "….. giờ ….. ngày ….. tháng ….. năm ….."
        return """
            <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Phiếu xin lỗi — hồ sơ \(dossier.id)</title>
            <style>body{font:16px/1.5 "DejaVu Serif",serif;max-width:17cm;margin:2cm auto}h1{text-align:center;font-size:20px}
            .head{display:flex;justify-content:space-between;text-align:center}.line{border-bottom:1px dotted #000;min-height:1.5em}
            .sign{margin-top:2cm;display:flex;justify-content:space-between;text-align:center}@media print{button{display:none}}</style>
            </head><body>
            <div class="head"><div><b>\(Self.escape(centreName.uppercased()))</b></div>
            <div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><u>Độc lập - Tự do - Hạnh phúc</u><br><i>ngày \(DayKey(today).vietnamese)</i></div></div>
            <h1>PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ</h1>
            <p>Kính gửi: Ông/Bà \(addressee).</p>
            <p>Ngày \(Self.stamp(dossier.receivedAt)), \(Self.escape(centreName)) tiếp nhận hồ sơ thủ tục
            <b>\(Self.escape(dossier.procedureName))</b> (mã \(Self.escape(dossier.procedure))), hẹn trả kết quả lúc <b>\(promised)</b>.</p>
            <p>Đến nay hồ sơ chưa giải quyết xong, quá thời hạn đã hẹn. Lý do:</p>
            \(reason)
            <p>Chúng tôi thành thật xin lỗi Ông/Bà vì sự chậm trễ này và xin hẹn lại thời gian trả kết quả vào lúc \(newDate).</p>
            <p>Rất mong nhận được sự thông cảm của Ông/Bà.</p>
            <div class="sign"><div>Công chức tiếp nhận<br><i>(ký, ghi rõ họ tên)</i><br><br><br>\(Self.escape(staffName ?? ""))</div>
            <div>Thủ trưởng cơ quan<br><i>(ký, ghi rõ họ tên, đóng dấu)</i></div></div>
            <p><button onclick="print()">In / Print</button></p>
            </body></html>
            """
    }

    static func stamp(_ date: Date) -> String { "\(VietnamTime.clockTime(date)) \(DayKey(date).vietnamese)" }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
