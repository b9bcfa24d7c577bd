// Every visible string of the four pages, Vietnamese first, English second.
// Elements carry data-i18n="key" (text), data-i18n-placeholder / -title / -aria / -alt (attributes);
// code uses t(key, {params}). The chosen language is kept in localStorage under "khongcho.lang".

const STRINGS = {
  // Shared
  "app.tagline": ["Hệ thống xếp hàng tự động", "Queue management system"],
  "lang.switch": ["English", "Tiếng Việt"],
  "lang.switch.title": ["Chuyển sang tiếng Anh", "Switch to Vietnamese"],
  "conn.lost": ["Mất kết nối – đang kết nối lại…", "Connection lost – reconnecting…"],
  "error.network": ["Không kết nối được máy chủ. Vui lòng thử lại.", "Cannot reach the server. Please try again."],
  "error.unknown": ["Đã có lỗi xảy ra (mã {code}).", "Something went wrong (code {code})."],
  "unit.minutes": ["{n} phút", "{n} min"],
  "counter.name": ["Quầy {n}", "Counter {n}"],
  "dash": ["—", "—"],

  "priority.none": ["Thông thường", "Standard"],
  "priority.elderly": ["Người cao tuổi", "Elderly"],
  "priority.disabled": ["Người khuyết tật", "Disabled"],
  "priority.pregnant": ["Phụ nữ mang thai", "Pregnant"],
  "priority.infant": ["Người đi cùng trẻ nhỏ", "With a small child"],
  "priority.merit": ["Người có công", "Person of merit"],

  "state.waiting": ["Đang chờ", "Waiting"],
  "state.called": ["Đang mời", "Called"],
  "state.serving": ["Đang phục vụ", "Being served"],
  "state.done": ["Đã hoàn thành", "Completed"],
  "state.no-show": ["Vắng mặt", "No-show"],
  "state.cancelled": ["Đã hủy", "Cancelled"],

  // Kiosk
  "kiosk.doc.title": ["Lấy số thứ tự – KhôngChờ", "Take a number – KhôngChờ"],
  "kiosk.title": ["Lấy số thứ tự", "Take a queue number"],
  "kiosk.subtitle": ["Chạm vào lĩnh vực bạn cần giải quyết", "Touch the service you need"],
  "kiosk.priority.title": ["Thuộc diện ưu tiên? Chọn trước khi lấy số (nếu có):", "Priority case? Choose before taking a number (if any):"],
  "kiosk.page": ["Trang {p}/{n}", "Page {p}/{n}"],
  "kiosk.page.prev": ["‹ Trang trước", "‹ Previous"],
  "kiosk.page.next": ["Trang sau ›", "Next ›"],
  "kiosk.waiting": ["{n} người đang chờ", "{n} waiting"],
  "kiosk.estimate": ["chờ khoảng {n} phút", "about {n} min wait"],
  "display.estimate": ["~{n} phút", "~{n} min"],
  "display.thanks": ["Quầy {n}: Cảm ơn quý khách đã đánh giá!", "Counter {n}: thank you for your rating!"],
  "kiosk.issuing": ["Đang lấy số…", "Issuing your number…"],
  "kiosk.your.number": ["Số thứ tự của bạn", "Your number"],
  "kiosk.ahead": ["Số người chờ trước bạn", "People ahead of you"],
  "kiosk.wait": ["Thời gian chờ dự kiến", "Estimated wait"],
  "kiosk.wait.none": ["Sắp được mời", "Very soon"],
  "kiosk.track": ["Quét mã để theo dõi lượt gọi trên điện thoại", "Scan to follow your turn on your phone"],
  "kiosk.qr.alt": ["Mã QR mở trang theo dõi phiếu của bạn", "QR code that opens your ticket's status page"],
  "kiosk.done": ["Xong", "Done"],
  "kiosk.returning": ["Tự động quay lại sau {n} giây", "Returning to start in {n} s"],
  "kiosk.print.ok": ["Vui lòng nhận phiếu ở khe máy in.", "Please take your ticket from the printer."],
  "kiosk.print.failed": ["Máy in đang gặp sự cố – vui lòng ghi nhớ số thứ tự của bạn.", "The printer has a problem – please remember your number."],
  "kiosk.print.none": ["Vui lòng ghi nhớ số thứ tự của bạn.", "Please remember your number."],
  "kiosk.print.queued": ["Đang in phiếu… vui lòng chờ ở khe máy in.", "Printing… please wait at the printer."],
  "kiosk.reprint": ["Lấy lại vé", "Print again"],
  "kiosk.reprint.refused": ["Không in lại được: ", "Could not print again: "],
  "kiosk.priority.note": ["Ưu tiên: {p}", "Priority: {p}"],
  "kiosk.watch": ["Vui lòng theo dõi màn hình và loa gọi số.", "Please watch the screens and listen for your number."],
  "kiosk.error.title": ["Chưa lấy được số", "Could not issue a number"],
  "kiosk.error.back": ["Quay lại", "Back"],
  "kiosk.loading": ["Đang tải danh sách lĩnh vực…", "Loading services…"],
  "kiosk.no.fields": ["Hiện chưa có lĩnh vực nào nhận hồ sơ.", "No services are open right now."],

  // Hall display
  "display.doc.title": ["Màn hình gọi số – KhôngChờ", "Hall display – KhôngChờ"],
  "display.counter": ["Quầy", "Counter"],
  "display.now": ["Mời số", "Now calling"],
  "display.now.to": ["đến quầy", "to counter"],
  "display.now.none": ["Chưa có lượt gọi", "No calls yet"],
  "display.recent": ["Các số vừa gọi", "Recent calls"],
  "display.recent.none": ["Chưa có lượt gọi nào hôm nay.", "No calls yet today."],
  "display.waiting": ["Số người đang chờ theo lĩnh vực", "People waiting by service"],
  "display.paused": ["Tạm dừng", "Paused"],
  "display.free": ["Đang chờ gọi", "Ready"],
  "display.called": ["Mời", "Calling"],
  "display.serving": ["Đang phục vụ", "Serving"],
  "display.sound": ["Chạm để bật âm thanh gọi số", "Tap to turn on the call chime"],
  "display.footer": [
    "Vui lòng theo dõi số thứ tự và chuẩn bị đầy đủ hồ sơ. Người cao tuổi, người khuyết tật, phụ nữ mang thai được ưu tiên.",
    "Please watch for your number and have your documents ready. Elderly, disabled and pregnant visitors are served first."],

  // Staff
  "staff.doc.title": ["Quầy tiếp nhận – KhôngChờ", "Counter desk – KhôngChờ"],
  "staff.title": ["Bàn làm việc tại quầy", "Counter desk"],
  "staff.login.title": ["Đăng nhập cán bộ", "Staff sign-in"],
  "staff.login.hint": ["Dùng tài khoản được cấp cho quầy của bạn.", "Use the account issued for your counter."],
  "staff.username": ["Tên đăng nhập", "Username"],
  "staff.password": ["Mật khẩu", "Password"],
  "staff.login": ["Đăng nhập", "Sign in"],
  "staff.logout": ["Đăng xuất", "Sign out"],
  "staff.counter": ["Quầy", "Counter"],
  "staff.counter.select": ["Chọn quầy", "Choose counter"],
  "staff.fields": ["Lĩnh vực: {f}", "Services: {f}"],
  "staff.current": ["Phiếu hiện tại", "Current ticket"],
  "staff.none": ["Chưa có phiếu. Bấm “Gọi tiếp” để mời công dân tiếp theo.", "No ticket. Press “Call next” to call the next citizen."],
  "staff.recalls": ["Đã gọi lại {n} lần", "Recalled {n} times"],
  "btn.next": ["Gọi tiếp", "Call next"],
  "btn.recall": ["Gọi lại", "Recall"],
  "btn.serve": ["Bắt đầu phục vụ", "Start serving"],
  "btn.done": ["Hoàn thành", "Done"],
  "btn.doneNext": ["Hoàn thành & gọi tiếp", "Done & call next"],
  "keys.title": ["Phím tắt", "Shortcuts"],
  "keys.space": ["Space", "Space"],
  "ask.no": ["Không", "No"],
  "ask.reason": ["Lý do", "Reason"],
  "ask.reason.required": ["Hãy ghi lý do.", "Write the reason."],
  "ask.cancel": ["Hủy phiếu {n}? Công dân sẽ phải lấy số mới.", "Cancel ticket {n}? The citizen will need a new number."],
  "ask.noshow": ["Báo vắng mặt số {n}?", "Mark {n} as a no-show?"],
  "ask.outOfOrder": ["Gọi số {n} trước lượt? Lý do được ghi vào báo cáo.", "Call {n} ahead of its turn? The reason goes into the reports."],
  "staff.noshows": ["Vắng mặt hôm nay — xếp lại khi quay lại", "Today's no-shows — put back when they return"],
  "staff.requeue": ["Xếp lại", "Put back"],
  "staff.requeue.position": ["Vị trí trong hàng", "Place in the queue"],
  "staff.requeue.at": ["thứ {n}", "place {n}"],
  "staff.requeue.last": ["cuối hàng", "last"],
  "staff.msg.moved": ["Giám sát đã chuyển bạn sang quầy {n}.", "A supervisor moved you to counter {n}."],
  "staff.msg.requeued": ["Đã xếp số {n} vào hàng, vị trí thứ {p}.", "{n} is back in the queue, place {p}."],
  "staff.msg.requeuedLast": ["Đã xếp số {n} vào cuối hàng.", "{n} is back at the end of the queue."],
  "staff.queue.call": ["Gọi ngoài thứ tự", "Call out of order"],
  "staff.queue.callShort": ["Gọi", "Call"],
  "staff.msg.doneCalled": ["Đã xong số {d}; đã mời số {n}.", "{d} done; called {n}."],
  "staff.msg.doneNobody": ["Đã xong số {d}; không còn ai đang chờ.", "{d} done; nobody is waiting."],
  "btn.noshow": ["Vắng mặt", "No-show"],
  "btn.transfer": ["Chuyển", "Transfer"],
  "btn.cancel": ["Hủy phiếu", "Cancel ticket"],
  "btn.reprint": ["In lại phiếu", "Reprint ticket"],
  "btn.pause": ["Tạm dừng quầy", "Pause counter"],
  "btn.resume": ["Mở lại quầy", "Resume counter"],
  "staff.outcome": ["Kết quả khi hoàn thành", "Outcome when done"],
  "outcome.returned": ["Trả kết quả ngay", "Result returned now"],
  "outcome.received": ["Tiếp nhận hồ sơ, hẹn trả", "Dossier received, result later"],
  "outcome.guided": ["Hướng dẫn (hồ sơ chưa đủ)", "Guidance given (incomplete)"],
  "staff.transfer.to": ["Chuyển sang lĩnh vực", "Transfer to service"],
  "staff.queue": ["Danh sách chờ", "Waiting list"],
  "staff.queue.count": ["{n} người", "{n} waiting"],
  "staff.queue.empty": ["Không có ai đang chờ ở các lĩnh vực của quầy này.", "Nobody is waiting for this counter's services."],
  "staff.queue.number": ["Số", "Number"],
  "staff.queue.field": ["Lĩnh vực", "Service"],
  "staff.queue.priority": ["Ưu tiên", "Priority"],
  "staff.paused.banner": ["Quầy đang tạm dừng – không gọi số mới. Bấm “Mở lại quầy” để tiếp tục.", "This counter is paused – no new calls. Press “Resume counter” to continue."],
  "staff.msg.nobody": ["Không còn ai đang chờ.", "Nobody is waiting."],
  "staff.msg.reprinted": ["Đã in lại phiếu {n}.", "Ticket {n} reprinted."],
  "staff.msg.reprintFailed": ["Không in lại được phiếu {n}: {m}", "Could not reprint {n}: {m}"],
  "staff.msg.called": ["Đã mời số {n}.", "Called {n}."],
  "staff.msg.updated": ["Phiếu {n}: {s}.", "Ticket {n}: {s}."],
  "staff.msg.transferred": ["Đã chuyển phiếu {n} sang {f}.", "Ticket {n} moved to {f}."],
  "staff.msg.paused": ["Quầy đã tạm dừng.", "Counter paused."],
  "staff.msg.resumed": ["Quầy đã mở lại.", "Counter resumed."],
  "staff.msg.expired": ["Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.", "Your session has ended; please sign in again."],
  "staff.signed.in": ["{u} · {r}", "{u} · {r}"],
  "role.staff": ["Cán bộ", "Staff"],
  "role.supervisor": ["Giám sát", "Supervisor"],
  "role.admin": ["Quản trị", "Administrator"],

  // Citizen's phone
  "ticket.doc.title": ["Phiếu {n} – KhôngChờ", "Ticket {n} – KhôngChờ"],
  "ticket.title": ["Phiếu số thứ tự", "Queue ticket"],
  "ticket.loading": ["Đang tải thông tin phiếu…", "Loading your ticket…"],
  "ticket.ahead": ["Số người chờ trước bạn", "People ahead of you"],
  "ticket.wait": ["Thời gian chờ dự kiến", "Estimated wait"],
  "ticket.issued": ["Giờ lấy số", "Issued at"],
  "ticket.priority": ["Diện ưu tiên", "Priority"],
  "ticket.call": ["Mời số {n} đến quầy {c}", "Number {n} – Please go to counter {c}"],
  "ticket.call.recalled": ["Đã gọi lại {r} lần – vui lòng đến ngay.", "Called again {r} times – please come now."],
  "ticket.serving": ["Bạn đang được phục vụ tại quầy {c}.", "You are being served at counter {c}."],
  "ticket.done": ["Đã hoàn thành. Cảm ơn bạn đã sử dụng dịch vụ!", "Completed. Thank you for visiting!"],
  "ticket.noshow": ["Số của bạn đã được gọi nhưng bạn vắng mặt. Vui lòng liên hệ bàn hướng dẫn.", "Your number was called but you were not there. Please ask at the information desk."],
  "ticket.cancelled": ["Phiếu này đã bị hủy.", "This ticket was cancelled."],
  "ticket.soon": ["Sắp đến lượt – vui lòng có mặt gần khu vực quầy.", "Your turn is near – please stay close to the counters."],
  "ticket.waiting.hint": ["Trang này tự cập nhật; bạn sẽ thấy thông báo khi đến lượt.", "This page updates by itself; you will see a notice when it is your turn."],
  "ticket.notfound": ["Không tìm thấy phiếu này. Vui lòng kiểm tra lại đường dẫn trên phiếu.", "Ticket not found. Please check the link printed on your ticket."],

  // Shared by the supervisor and device pages
  "login.forbidden": ["Tài khoản này không có quyền vào trang này.", "This account may not open this page."],
  "time.never": ["Chưa thấy", "Never"],

  // Supervisor dashboard
  "sup.doc.title": ["Giám sát – KhôngChờ", "Supervisor – KhôngChờ"],
  "sup.title": ["Bảng điều khiển giám sát", "Supervisor dashboard"],
  "sup.login.title": ["Đăng nhập giám sát", "Supervisor sign-in"],
  "sup.login.hint": ["Dành cho tài khoản giám sát hoặc quản trị.", "For supervisor or administrator accounts."],
  "sup.updated": ["Cập nhật {t}", "Updated {t}"],
  "sup.sound": ["Âm báo", "Alert sound"],
  "sup.today": ["Hôm nay", "Today"],
  "sup.k.issued": ["Đã cấp số", "Issued"],
  "sup.k.served": ["Đã phục vụ", "Served"],
  "sup.k.waiting": ["Đang chờ", "Waiting"],
  "sup.k.noshows": ["Vắng mặt", "No-shows"],
  "sup.k.meanwait": ["Chờ trung bình", "Mean wait"],
  "sup.k.within": ["Trong mục tiêu", "Within target"],
  "sup.k.satisfaction": ["Hài lòng", "Satisfaction"],
  "sup.k.satisfaction.sub": ["{n} lượt · mục tiêu {p}", "{n} ratings · target {p}"],
  "sup.k.promises": ["Hẹn trả đúng hạn", "Promises on time"],
  "sup.k.promises.sub": ["{ok}/{due} đến hạn · {late} trễ", "{ok}/{due} due · {late} late"],
  "sup.fields": ["Lĩnh vực – thời gian chờ so với mục tiêu", "Services – waits against target"],
  "sup.f.field": ["Lĩnh vực", "Service"],
  "sup.f.waiting": ["Đang chờ", "Waiting"],
  "sup.f.longest": ["Chờ lâu nhất", "Longest wait"],
  "sup.f.estimate": ["Dự kiến", "Estimate"],
  "sup.f.target": ["Mục tiêu", "Target"],
  "sup.f.counters": ["Quầy mở", "Open counters"],
  "sup.f.today": ["Cấp / phục vụ", "Issued / served"],
  "sup.f.mean": ["TB hôm nay", "Mean today"],
  "sup.status.green": ["Đạt", "On target"],
  "sup.status.amber": ["Sắp vượt", "At risk"],
  "sup.status.red": ["Vượt mục tiêu", "Over target"],
  "sup.counters": ["Quầy và cán bộ", "Counters and staff"],
  "sup.c.counter": ["Quầy", "Counter"],
  "sup.c.staff": ["Cán bộ", "Staff"],
  "sup.c.current": ["Phiếu hiện tại", "Current ticket"],
  "sup.c.status": ["Tình trạng", "Status"],
  "sup.c.actions": ["Thao tác", "Actions"],
  "sup.c.open": ["Mở quầy", "Open"],
  "sup.c.close": ["Đóng quầy", "Close"],
  "sup.c.moveHere": ["Chuyển cán bộ đến đây…", "Move an officer here…"],
  "sup.c.moveFrom": ["{u} (quầy {n})", "{u} (counter {n})"],
  "sup.c.move": ["Chuyển", "Move"],
  "sup.c.assigned": ["Gắn: {u}", "Assigned: {u}"],
  "sup.c.nostaff": ["Chưa đăng nhập", "Nobody signed in"],
  "sup.c.paused": ["Tạm dừng", "Paused"],
  "sup.c.idle": ["Rảnh {n} phút", "Idle {n} min"],
  "sup.c.busy": ["Đang làm việc", "Working"],
  "sup.c.since": ["từ {t}", "since {t}"],
  "sup.alerts": ["Cảnh báo", "Alerts"],
  "sup.alerts.none": ["Không có cảnh báo.", "No alerts."],
  "sup.alert.predicted-wait": ["Dự báo vượt mục tiêu", "Predicted over target"],
  "sup.alert.ticket-over-target": ["Chờ quá mục tiêu", "Waiting past target"],
  "sup.alert.idle-counter": ["Quầy rảnh khi có người chờ", "Idle counter"],
  "sup.alert.promise-at-risk": ["Hẹn trả có nguy cơ trễ", "Promise at risk"],
  "sup.alert.device": ["Thiết bị", "Device"],
  "adm.doc.title": ["Quản trị – KhôngChờ", "Administration – KhôngChờ"],
  "adm.title": ["Quản trị trung tâm", "Centre administration"],
  "adm.login.title": ["Đăng nhập quản trị", "Administrator sign-in"],
  "adm.login.hint": ["Chỉ dành cho tài khoản quản trị.", "For administrator accounts only."],
  "adm.fields": ["Lĩnh vực", "Fields"],
  "adm.counters": ["Quầy", "Counters"],
  "adm.users": ["Tài khoản", "Accounts"],
  "adm.calendar": ["Lịch", "Calendar"],
  "adm.targets": ["Mục tiêu", "Targets"],
  "adm.devices": ["Thiết bị", "Devices"],
  "adm.save": ["Lưu", "Save"],
  "adm.edit": ["Sửa", "Edit"],
  "adm.delete": ["Xóa", "Delete"],
  "adm.saved": ["Đã lưu “{n}”.", "Saved '{n}'."],
  "adm.deleted": ["Đã xóa “{n}”.", "Deleted '{n}'."],
  "adm.f.prefix": ["Chữ số", "Prefix"],
  "adm.f.code": ["Mã", "Code"],
  "adm.f.name": ["Tên", "Name"],
  "adm.f.nameEn": ["Tên tiếng Anh", "English name"],
  "adm.f.procedures": ["Thủ tục", "Procedures"],
  "adm.f.wait": ["Mục tiêu chờ (phút)", "Wait target (min)"],
  "adm.f.edit": ["Thêm hoặc sửa lĩnh vực", "Add or edit a field"],
  "adm.f.confirmDelete": ["Xóa lĩnh vực “{n}” và các thủ tục của nó?", "Delete field '{n}' and its procedures?"],
  "adm.c.number": ["Quầy", "Counter"],
  "adm.c.name": ["Tên", "Name"],
  "adm.c.fields": ["Lĩnh vực phục vụ", "Fields served"],
  "adm.c.edit": ["Thêm hoặc sửa quầy", "Add or edit a counter"],
  "adm.c.confirmDelete": ["Xóa quầy {n}?", "Delete counter {n}?"],
  "adm.u.role": ["Vai trò", "Role"],
  "adm.u.displayName": ["Tên hiển thị", "Display name"],
  "adm.u.rename": ["Đổi tên hiển thị", "Rename"],
  "adm.u.renameFor": ["Tên hiển thị của “{n}” (trên báo cáo, thư xin lỗi):", "Display name of '{n}' (in reports and letters):"],
  "adm.u.nameRequired": ["Hãy nhập tên hiển thị.", "Type the display name."],
  "adm.u.new": ["Thêm tài khoản", "Add an account"],
  "adm.u.add": ["Thêm", "Add"],
  "adm.u.reset": ["Đặt lại mật khẩu", "Reset password"],
  "adm.u.resetFor": ["Mật khẩu mới cho “{n}” (ít nhất 8 ký tự):", "New password for '{n}' (8 characters at least):"],
  "adm.u.passwordRequired": ["Hãy nhập mật khẩu mới.", "Type the new password."],
  "adm.u.resetDone": ["Đã đặt lại mật khẩu cho “{n}”.", "Password of '{n}' reset."],
  "adm.u.confirmDelete": ["Xóa tài khoản “{n}”?", "Delete account '{n}'?"],
  "adm.identity": ["Trung tâm", "Centre"],
  "adm.procedures": ["Thủ tục", "Procedures"],
  "dos.fee": ["Lệ phí: {f}", "Fee: {f}"],
  "adm.p.name": ["Tên thủ tục", "Procedure name"],
  "adm.p.code": ["Mã thủ tục (mã TTHC)", "Procedure code"],
  "adm.p.days": ["Ngày làm việc", "Working days"],
  "adm.p.fee": ["Lệ phí", "Fee"],
  "adm.p.documents": ["Giấy tờ", "Documents"],
  "adm.p.documentsHint": ["Thành phần hồ sơ (mỗi giấy tờ một dòng)", "Documents to bring (one per line)"],
  "adm.p.edit": ["Thêm hoặc sửa thủ tục", "Add or edit a procedure"],
  "adm.p.group": ["Nhóm giải quyết trong ngày", "Same-day group"],
  "adm.p.group1": ["1 — trong ngày", "1 — same day"],
  "adm.p.group2": ["2 — rút ngắn", "2 — shortened"],
  "adm.p.group3": ["3 — không áp dụng", "3 — not eligible"],
  "adm.p.friday": ["Thứ Sáu không chờ", "No-wait Friday"],
  "adm.p.confirmDelete": ["Xóa thủ tục “{n}”?", "Delete the procedure '{n}'?"],
  "adm.i.hint": ["Tên, logo và dòng cuối in trên phiếu và hiện trên màn hình sảnh; thông báo chạy ở chân màn hình sảnh.", "The name, logo and footer print on tickets and show on the hall screen; the announcement runs along the screen's foot."],
  "adm.i.name": ["Tên trung tâm", "Centre name"],
  "adm.i.footer": ["Dòng cuối phiếu (ví dụ đường dây nóng)", "Ticket footer (e.g. the hotline)"],
  "adm.i.announcement": ["Thông báo chạy trên màn hình sảnh (để trống: dòng mặc định)", "Announcement on the hall screen (empty: the built-in line)"],
  "adm.i.noLogo": ["Chưa có logo.", "No logo yet."],
  "adm.i.upload": ["Tải logo lên (PNG, tối đa 256 KB)", "Upload a logo (PNG, 256 KB at most)"],
  "adm.i.removeLogo": ["Bỏ logo", "Remove the logo"],
  "adm.i.confirmRemove": ["Bỏ logo khỏi phiếu và màn hình sảnh?", "Remove the logo from tickets and the hall screen?"],
  "adm.i.logoSaved": ["Đã lưu logo; phiếu sau và màn hình sảnh dùng logo mới.", "Logo saved; the next ticket and the hall screen use it."],
  "adm.i.logoRemoved": ["Đã bỏ logo.", "Logo removed."],
  "adm.cal.year": ["Năm", "Year"],
  "adm.cal.yearOption": ["{y} — {h} ngày lễ, {s} ngày làm bù", "{y} — {h} holidays, {s} swapped days"],
  "adm.cal.import": ["Nhập từ tệp (JSON)", "Import from a file (JSON)"],
  "adm.cal.month": ["Tháng {m}", "Month {m}"],
  "adm.cal.swapped": ["{d} — làm bù {n}", "{d} — swapped working day {n}"],
  "adm.cal.notJSON": ["Tệp “{n}” không phải JSON lịch.", "'{n}' is not a calendar JSON file."],
  "adm.cal.noYear": ["Tệp “{n}” thiếu trường year.", "'{n}' has no year field."],
  "adm.cal.imported": ["Đã nhập lịch năm {y} ({h} ngày lễ).", "Calendar {y} imported ({h} holidays)."],
  "adm.t.hint": ["Mục tiêu chờ sửa theo từng lĩnh vực ở mục Lĩnh vực.", "Wait targets are edited per field under Fields."],
  "adm.t.onTime": ["Trả kết quả đúng hẹn (%)", "Results on time (%)"],
  "adm.t.friday": ["Chờ tối đa ngày Thứ Sáu (phút)", "Friday wait at most (minutes)"],
  "adm.t.idle": ["Cảnh báo quầy rảnh sau (phút)", "Idle-counter alert after (minutes)"],
  "adm.t.risk": ["Cảnh báo hẹn trả sắp trễ trước (phút)", "Promise-at-risk alert before (minutes)"],
  "adm.t.byField": ["Hài lòng riêng theo lĩnh vực (%; để trống: theo mục tiêu chung)", "Satisfaction per field (%; empty: the overall target)"],
  "adm.t.saved": ["Đã lưu mục tiêu; cảnh báo, bảng giám sát và báo cáo dùng ngay.", "Targets saved; alerts, the dashboard and reports use them at once."],
  "adm.t.satisfaction": ["Hài lòng chung (%)", "Satisfaction overall (%)"],
  "adm.t.wait": ["Thời gian chờ — {f}", "Wait — {f}"],
  "adm.d.open": ["Mở trang thiết bị (thử in, gán quầy)", "Open the devices page (test print, bind to counters)"],
  "adm.d.publicUrl": ["Liên kết trên mã QR của phiếu", "Link in the tickets' QR codes"],
  "adm.d.none": ["Chưa có thiết bị nào.", "No devices yet."],
  "adm.d.counter": ["quầy {n}", "counter {n}"],
  "adm.d.kind.printer": ["máy in", "printer"],
  "adm.d.kind.display": ["bảng số", "display"],
  "adm.d.kind.rating-keypad": ["bàn phím đánh giá", "rating keypad"],
  "adm.d.kind.caller-keypad": ["bàn phím gọi số", "caller keypad"],
  "sup.reports": ["Báo cáo", "Reports"],
  "rep.doc.title": ["Báo cáo – KhôngChờ", "Reports – KhôngChờ"],
  "rep.title": ["Báo cáo kết quả tiếp nhận và giải quyết", "Reception and resolution report"],
  "rep.back": ["Bảng giám sát", "Dashboard"],
  "rep.day": ["Ngày", "Day"],
  "rep.month": ["Tháng", "Month"],
  "rep.quarter": ["Quý", "Quarter"],
  "rep.year": ["Năm", "Year"],
  "rep.date": ["Chứa ngày", "Containing"],
  "rep.csv": ["Tải CSV", "Download CSV"],
  "rep.print": ["In A4", "Print A4"],
  "rep.issued": ["{n} phiếu cấp", "{n} issued"],
  "rep.served": ["{n} đã phục vụ", "{n} served"],
  "rep.footer": ["Số liệu đến {at}. Hẹn trả tính khi đã trả hoặc đã đến hạn; tỷ lệ hài lòng = rất hài lòng + hài lòng.", "Figures as of {at}. A promise counts once returned or due; satisfaction = very satisfied + satisfied."],
  "rep.g.onTime": ["Trả kết quả đúng hẹn", "Results on time"],
  "rep.g.onTime.sub": ["{ok}/{due} hồ sơ đến hạn", "{ok}/{due} dossiers due"],
  "rep.g.satisfaction": ["Hài lòng (chung)", "Satisfaction (overall)"],
  "rep.g.group": ["Hài lòng: {f}", "Satisfaction: {f}"],
  "rep.g.ratings": ["{ok}/{n} lượt đánh giá", "{ok}/{n} ratings"],
  "rep.g.within": ["Chờ trong mục tiêu", "Waits within target"],
  "rep.g.within.sub": ["{ok}/{n} lượt gọi", "{ok}/{n} calls"],
  "rep.g.met": ["Đạt mục tiêu ≥ {p} %", "Target ≥ {p} % met"],
  "rep.g.missed": ["Chưa đạt mục tiêu ≥ {p} %", "Target ≥ {p} % not met"],
  "rep.g.target": ["Mục tiêu ≥ {p} %", "Target ≥ {p} %"],
  "rep.c.wait": ["Chờ trung bình (phút) theo lĩnh vực", "Mean wait (min) by field"],
  "rep.c.served": ["Đã phục vụ theo lĩnh vực", "Served by field"],
  "rep.c.satisfaction": ["Hài lòng (%) theo lĩnh vực", "Satisfaction (%) by field"],
  "rep.c.staffWait": ["Chờ trung bình (phút) theo cán bộ", "Mean wait (min) by officer"],
  "rep.c.staffServed": ["Đã phục vụ theo cán bộ", "Served by officer"],
  "rep.c.staffSatisfaction": ["Hài lòng (%) theo cán bộ", "Satisfaction (%) by officer"],
  "rep.t.fields": ["Theo lĩnh vực", "By field"],
  "rep.t.staff": ["Theo cán bộ", "By officer"],
  "rep.t.name": ["Tên", "Name"],
  "rep.t.issued": ["Cấp", "Issued"],
  "rep.t.served": ["Phục vụ", "Served"],
  "rep.t.wait": ["Chờ TB (phút)", "Mean wait (min)"],
  "rep.t.within": ["Trong mục tiêu", "Within target"],
  "rep.t.onTime": ["Đúng hẹn", "On time"],
  "rep.t.satisfaction": ["Hài lòng", "Satisfied"],
  "rep.t.total": ["Toàn trung tâm", "Whole centre"],
  "sup.late": ["Hồ sơ trễ hẹn", "Late dossiers"],
  "sup.late.none": ["Không có hồ sơ trễ hẹn.", "No late dossiers."],
  "sup.late.ticket": ["Số", "Ticket"],
  "sup.late.procedure": ["Thủ tục", "Procedure"],
  "sup.late.received": ["Tiếp nhận", "Received"],
  "sup.late.promised": ["Hẹn trả", "Promised"],
  "sup.late.apology": ["Thư xin lỗi", "Apology letter"],
  "sup.chart.hourly": ["Thời gian chờ trung bình theo giờ", "Mean wait by hour"],
  "sup.chart.target": ["Mục tiêu {n} phút", "Target {n} min"],
  "sup.chart.byfield": ["Số phiếu theo lĩnh vực", "Tickets by field"],
  "sup.chart.issued": ["Đã cấp", "Issued"],
  "sup.chart.served": ["Đã phục vụ", "Served"],
  "sup.chart.satisfaction": ["Mức độ hài lòng", "Satisfaction"],
  "sup.chart.nodata": ["Chưa có số liệu.", "No data yet."],
  "sup.chart.minutes": ["phút", "min"],

  // Rating levels (Vietnamese wording of the satisfaction survey)
  "rating.1": ["Rất hài lòng", "Very satisfied"],
  "rating.2": ["Hài lòng", "Satisfied"],
  "rating.3": ["Bình thường", "Neutral"],
  "rating.4": ["Không hài lòng", "Not satisfied"],

  // Devices page
  "dev.doc.title": ["Thiết bị – KhôngChờ", "Devices – KhôngChờ"],
  "dev.title": ["Quản lý thiết bị", "Device management"],
  "dev.login.title": ["Đăng nhập quản trị", "Administrator sign-in"],
  "dev.login.hint": ["Chỉ tài khoản quản trị được quản lý thiết bị.", "Only administrators manage devices."],
  "dev.count": ["{n} thiết bị", "{n} devices"],
  "dev.none": ["Chưa có thiết bị nào.", "No devices."],
  "dev.h.device": ["Thiết bị", "Device"],
  "dev.h.kind": ["Loại", "Kind"],
  "dev.h.port": ["Cổng", "Port"],
  "dev.h.counter": ["Gắn với quầy", "Bound counter"],
  "dev.h.status": ["Trạng thái", "Status"],
  "dev.h.seen": ["Lần cuối", "Last seen"],
  "dev.h.view": ["Màn hình / bàn phím", "Screen / keypad"],
  "dev.kind.printer": ["Máy in phiếu", "Ticket printer"],
  "dev.kind.display": ["Màn hình quầy", "Counter display"],
  "dev.kind.rating-keypad": ["Bàn phím đánh giá", "Rating keypad"],
  "dev.kind.caller-keypad": ["Bàn phím gọi số", "Caller keypad"],
  "dev.status.ok": ["Hoạt động", "OK"],
  "dev.status.offline": ["Mất kết nối", "Offline"],
  "dev.status.error": ["Lỗi", "Error"],
  "dev.status.unplugged": ["Đã rút ra", "Unplugged"],
  "dev.unbound": ["— Không gắn —", "— Not bound —"],
  "dev.simulated": ["Mô phỏng", "Simulated"],
  "dev.test": ["Thử", "Test"],
  "dev.bound": ["Đã gắn {d} với quầy {n}.", "{d} bound to counter {n}."],
  "dev.unbound.msg": ["Đã bỏ gắn {d}.", "{d} unbound."],
  "dev.keys.sent": ["Đã gửi phím {k}", "Sent key {k}"],

  // Rating page for the citizen's tablet
  "rate.doc.title": ["Đánh giá – Quầy {n}", "Rate us – Counter {n}"],
  "rate.prompt": ["Quý khách vui lòng đánh giá mức độ hài lòng", "Please rate how satisfied you are"],
  "rate.serving": ["Đang phục vụ số", "Now serving"],
  "rate.thanks": ["Cảm ơn quý khách!", "Thank you!"],
  "rate.thanks.sub": ["Ý kiến của quý khách giúp chúng tôi phục vụ tốt hơn.", "Your opinion helps us serve you better."],
  "rate.nocounter": ["Đường dẫn thiếu số quầy (ví dụ /rate/3).", "The address lacks a counter number (e.g. /rate/3)."],

  // Staff desk: dossier intake and ratings
  "dos.title": ["Tiếp nhận hồ sơ", "Record dossier"],
  "dos.ticket": ["Phiếu {n}", "Ticket {n}"],
  "dos.none": ["Hồ sơ được ghi nhận cho phiếu đang phục vụ hoặc vừa hoàn thành.", "A dossier is recorded for the ticket being served or just finished."],
  "dos.procedure": ["Thủ tục", "Procedure"],
  "dos.procedure.code": ["Mã thủ tục", "Procedure code"],
  "dos.complete": ["Hồ sơ đầy đủ?", "Dossier complete?"],
  "dos.complete.yes": ["Đủ", "Complete"],
  "dos.complete.no": ["Chưa đủ", "Incomplete"],
  "dos.submit": ["Ghi nhận hồ sơ", "Record dossier"],
  "dos.promised": ["Hẹn trả kết quả: {t}", "Result promised: {t}"],
  "dos.incomplete": ["Hồ sơ chưa đủ — hướng dẫn bổ sung", "Dossier incomplete — guide the citizen to complete it"],
  "dos.rule.same-day": ["Trả trong ngày", "Same day"],
  "dos.rule.no-wait-friday": ["Thứ Sáu không hẹn", "No-wait Friday"],
  "dos.rule.no-wait-friday-after-cutoff": ["Thứ Sáu không hẹn – sau giờ chốt", "No-wait Friday – after cutoff"],
  "dos.rule.working-days": ["Theo ngày làm việc", "Working days"],
  "dos.slip.printed": ["Đã in phiếu hẹn trả kết quả.", "Return-promise slip printed."],
  "dos.slip.preview": ["Phiếu hẹn được lưu bản xem trước (chưa có máy in).", "Slip saved as a preview (no printer)."],
  "dos.slip.none": ["Không in phiếu hẹn.", "No slip printed."],
  "dos.slip.error": ["Không in được phiếu hẹn: {m}", "Slip not printed: {m}"],
  "dos.citizen.name": ["Họ tên công dân", "Citizen's name"],
  "dos.citizen.phone": ["Số điện thoại", "Phone"],
  "ticket.dossiers": ["Hồ sơ của bạn", "Your dossiers"],
  "ticket.dossier.newDate": ["Hẹn lại: {t} — xin lỗi vì sự chậm trễ", "New date: {t} — sorry for the delay"],
  "ret.title": ["Trả kết quả", "Return results"],
  "ret.search": ["Tìm", "Find"],
  "ret.search.placeholder": ["Mã hồ sơ, số điện thoại hoặc họ tên", "Dossier number, phone or name"],
  "ret.empty": ["Không tìm thấy hồ sơ nào của quầy này.", "No dossier of this counter matches."],
  "ret.code": ["Hồ sơ {id}", "Dossier {id}"],
  "ret.promised": ["Hẹn trả: {t}", "Promised: {t}"],
  "ret.newPromised": ["Hẹn lại: {t} — {r}", "New date: {t} — {r}"],
  "ret.returnedAt": ["Đã trả lúc {t}", "Returned at {t}"],
  "ret.returned": ["Đã trả", "Returned"],
  "ret.delay": ["Trễ hẹn…", "Will be late…"],
  "ret.delay.reason": ["Lý do trễ hẹn", "Reason for the delay"],
  "ret.delay.date": ["Ngày hẹn lại", "New date"],
  "ret.delay.save": ["Lưu hẹn lại", "Save new date"],
  "ret.delay.saved": ["Đã ghi hẹn lại hồ sơ {id}: {t}.", "Dossier {id} rescheduled: {t}."],
  "ret.apology": ["In thư xin lỗi", "Print apology letter"],
  "ret.done.onTime": ["Đã trả kết quả hồ sơ {id} — đúng hẹn.", "Dossier {id} returned — on time."],
  "ret.done.late": ["Đã trả kết quả hồ sơ {id} — trễ hẹn.", "Dossier {id} returned — late."],
  "ret.status.pending": ["Chưa đến hẹn", "Not yet due"],
  "ret.status.late": ["Quá hẹn", "Overdue"],
  "ret.status.incomplete": ["Chưa đủ hồ sơ", "Incomplete"],
  "ret.status.returned-on-time": ["Đã trả đúng hẹn", "Returned on time"],
  "ret.status.returned-late": ["Đã trả trễ hẹn", "Returned late"],
  "rat.title": ["Đánh giá hôm nay", "Today's ratings"],
  "rat.none": ["Chưa có đánh giá hôm nay.", "No ratings today."],
  "rat.share": ["Hài lòng: {p} ({n} lượt)", "Satisfied: {p} ({n} ratings)"],
  "rat.source.keypad": ["Bàn phím", "Keypad"],
  "rat.source.web": ["Máy tính bảng", "Tablet"],
};

const STORAGE_KEY = "khongcho.lang";
const listeners = new Set();

function initialLanguage() {
  const fromQuery = new URLSearchParams(location.search).get("lang");
  if (fromQuery === "vi" || fromQuery === "en") return fromQuery;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === "vi" || stored === "en") return stored;
  } catch (_) { /* storage disabled */ }
  return "vi";
}

let current = initialLanguage();

export function lang() { return current; }

/** Looks a key up and fills {name} placeholders; {n|one|many} picks an English plural from params.n. */
export function t(key, params = {}) {
  const entry = STRINGS[key];
  if (!entry) return key;
  let text = entry[current === "en" ? 1 : 0];
  text = text.replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name, one, many) => (Number(params[name]) === 1 ? one : many));
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

export function setLang(next) {
  current = next === "en" ? "en" : "vi";
  try { localStorage.setItem(STORAGE_KEY, current); } catch (_) { /* storage disabled */ }
  applyI18n(document);
  for (const listener of listeners) listener(current);
}

export function onLangChange(listener) { listeners.add(listener); }

/** Fills every [data-i18n] element below root and marks the document's language. */
export function applyI18n(root = document) {
  document.documentElement.lang = current;
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll("[data-i18n-title]")) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll("[data-i18n-aria]")) el.setAttribute("aria-label", t(el.dataset.i18nAria));
  for (const el of root.querySelectorAll("[data-i18n-alt]")) el.alt = t(el.dataset.i18nAlt);
}

/** Wires a #lang-switch button: shows the other language's name and toggles on click. */
export function bindLangSwitch(button) {
  if (!button) return;
  button.addEventListener("click", () => setLang(current === "vi" ? "en" : "vi"));
}

/** A figure in the page's language ("1.234,5" in Vietnamese), or "—" when there is none. */
export function formatNumber(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return t("dash");
  return new Intl.NumberFormat(current === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: digits }).format(Number(value));
}

/** A share (0…1) as a percentage with one decimal at most ("66,7 %"), or "—". */
export function formatPercent(share) {
  if (share === null || share === undefined) return t("dash");
  return `${formatNumber(share * 100, 1)} %`;
}

export function fieldName(field) {
  if (!field) return "";
  return current === "en" ? field.nameEn || field.name : field.name || field.nameEn;
}

export function priorityName(code) { return t(`priority.${code || "none"}`); }
export function stateName(code) { return t(`state.${code}`); }

/** The API's error in the reader's language: `message` is Vietnamese, `messageEn` English. */
export function errorText(error) {
  if (!error) return t("error.unknown", { code: "?" });
  if (error.code === "network") return t("error.network");
  const text = current === "en" ? error.messageEn || error.message : error.message || error.messageEn;
  return text || t("error.unknown", { code: error.status || error.code || "?" });
}

export const STRING_KEYS = Object.keys(STRINGS);
