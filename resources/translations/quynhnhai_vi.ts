<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>All months</source>
        <translation>Tất cả các tháng</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>Tất cả các bản</translation>
    </message>
    <message>
        <source>Whole commune</source>
        <translation>Toàn xã</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Tất cả lực lượng</translation>
    </message>
    <message>
        <source>All forms</source>
        <translation>Tất cả hình thức</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>Tất cả nội dung</translation>
    </message>
    <message>
        <source>Month {month:02d}/{year}</source>
        <translation>Tháng {month:02d}/{year}</translation>
    </message>
    <message>
        <source>Range of days…</source>
        <translation>Từ ngày… đến ngày…</translation>
    </message>
    <message>
        <source>{count} activities shown; adding up…</source>
        <translation>Đang hiện {count} hoạt động; đang cộng tổng…</translation>
    </message>
    <message>
        <source>Total: &lt;b&gt;{count}&lt;/b&gt; activities</source>
        <translation>Tổng cộng: &lt;b&gt;{count}&lt;/b&gt; hoạt động</translation>
    </message>
    <message>
        <source>Something went wrong: {message}</source>
        <translation>Có lỗi xảy ra: {message}</translation>
    </message>
    <message>
        <source>Saved. The report for this month was already exported (revision {revision}): export it again to send revision {next}.</source>
        <translation>Đã lưu. Báo cáo của tháng này đã được xuất (lần {revision}); hãy xuất lại để gửi báo cáo lần {next}.</translation>
    </message>
    <message>
        <source>Delete the activity of {date} ({team}, {village})?</source>
        <translation>Xóa hoạt động ngày {date} ({team}, {village})?</translation>
    </message>
    <message>
        <source>whole commune</source>
        <translation>toàn xã</translation>
    </message>
    <message>
        <source>Delete the {count} selected activities?</source>
        <translation>Xóa {count} hoạt động đã chọn?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>You can undo this right after.</source>
        <translation>Có thể hoàn tác ngay sau khi xóa.</translation>
    </message>
    <message>
        <source>{count} activities deleted.</source>
        <translation>Đã xóa {count} hoạt động.</translation>
    </message>
    <message>
        <source>{count} activities restored.</source>
        <translation>Đã khôi phục {count} hoạt động.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>Record a new activity (Insert or Ctrl+N)</source>
        <translation>Ghi một hoạt động mới (phím Insert hoặc Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>Change the selected activity (Enter or double-click)</source>
        <translation>Sửa hoạt động đang chọn (phím Enter hoặc nhấp đúp)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>Delete the selected activities (Delete); you can undo it</source>
        <translation>Xóa các hoạt động đang chọn (phím Delete); có thể hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Import from file…</source>
        <translation>&amp;Nhập từ tệp…</translation>
    </message>
    <message>
        <source>Add activities from a .csv or .xlsx spreadsheet</source>
        <translation>Thêm hoạt động từ bảng tính .csv hoặc .xlsx</translation>
    </message>
    <message>
        <source>E&amp;xport to file…</source>
        <translation>Xuất r&amp;a tệp…</translation>
    </message>
    <message>
        <source>Write the activities shown to a .xlsx or .csv spreadsheet</source>
        <translation>Ghi các hoạt động đang hiện ra bảng tính .xlsx hoặc .csv</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>Thời &amp;gian:</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>from dd/mm/yyyy</source>
        <translation>từ ngày dd/mm/yyyy</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>to dd/mm/yyyy</source>
        <translation>đến ngày dd/mm/yyyy</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>Tìm &amp;kiếm:</translation>
    </message>
    <message>
        <source>village, team, form, topic or note; accents optional (Ctrl+F)</source>
        <translation>bản, lực lượng, hình thức, nội dung hoặc ghi chú; gõ có dấu hay không dấu đều được (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>&amp;Bản:</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Bản</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>&amp;Lực lượng:</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Lực lượng</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Hình thức:</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>T&amp;opic:</source>
        <translation>Nội &amp;dung:</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Danh sách hoạt động</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>Hoàn tá&amp;c</translation>
    </message>
    <message>
        <source>Bring back what was just deleted (Ctrl+Z)</source>
        <translation>Khôi phục những gì vừa xóa (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Đóng thông báo này</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>New activity</source>
        <translation>Thêm hoạt động tuyên truyền</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>Sửa hoạt động tuyên truyền</translation>
    </message>
    <message>
        <source>Whole commune</source>
        <translation>Toàn xã</translation>
    </message>
    <message>
        <source>Choose the form first.</source>
        <translation>Chọn hình thức tuyên truyền trước.</translation>
    </message>
    <message>
        <source>Enter the date as dd/mm/yyyy, e.g. 15/09/2021.</source>
        <translation>Nhập ngày theo dạng ngày/tháng/năm, ví dụ 15/09/2021.</translation>
    </message>
    <message>
        <source>No village “{name}” in the list. Pick one, or add it under Lists.</source>
        <translation>Không có bản “{name}” trong danh mục. Hãy chọn trong danh sách, hoặc thêm bản ở mục Danh mục.</translation>
    </message>
    <message>
        <source>Choose the team.</source>
        <translation>Chọn lực lượng thực hiện.</translation>
    </message>
    <message>
        <source>No team “{name}” in the list. Pick one, or add it under Lists.</source>
        <translation>Không có lực lượng “{name}” trong danh mục. Hãy chọn trong danh sách, hoặc thêm ở mục Danh mục.</translation>
    </message>
    <message>
        <source>Choose the form.</source>
        <translation>Chọn hình thức tuyên truyền.</translation>
    </message>
    <message>
        <source>Enter a whole number, 0 or more.</source>
        <translation>Nhập số nguyên từ 0 trở lên.</translation>
    </message>
    <message>
        <source>Choose at least one topic.</source>
        <translation>Chọn ít nhất một nội dung tuyên truyền.</translation>
    </message>
    <message>
        <source>Saved: {date}, {form}. Enter the next one.</source>
        <translation>Đã lưu: {date}, {form}. Mời nhập hoạt động tiếp theo.</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Ngày:</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>&amp;Bản:</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Bản</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>&amp;Lực lượng:</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Lực lượng</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Hình thức:</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>To&amp;pics:</source>
        <translation>Nội &amp;dung:</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Nội dung tuyên truyền</translation>
    </message>
    <message>
        <source>Arrow keys to move, Space to tick or untick</source>
        <translation>Dùng phím mũi tên để di chuyển, phím cách để đánh dấu hoặc bỏ đánh dấu</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Save and add &amp;another</source>
        <translation>Lưu và thêm &amp;tiếp</translation>
    </message>
    <message>
        <source>Save, then start the next activity with the same date, village and team (Ctrl+Enter)</source>
        <translation>Lưu, rồi nhập hoạt động tiếp theo với cùng ngày, bản và lực lượng (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Lư&amp;u</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Bản</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Lực lượng</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Buổi</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hộ</translation>
    </message>
    <message>
        <source>Leaflets</source>
        <translation>Tờ rơi</translation>
    </message>
    <message>
        <source>App installs</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Whole commune</source>
        <translation>Toàn xã</translation>
    </message>
    <message>
        <source>Changed after the report of its month was exported: the next export is a new revision.</source>
        <translation>Đã sửa sau khi xuất báo cáo của tháng: lần xuất tiếp theo sẽ là báo cáo bổ sung.</translation>
    </message>
</context>
<context>
    <name>ActivityTransfer</name>
    <message>
        <source>Import activities</source>
        <translation>Nhập hoạt động từ tệp</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Bảng tính (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>Đang kiểm tra tệp {name}…</translation>
    </message>
    <message>
        <source>New names in the file</source>
        <translation>Tệp có tên mới</translation>
    </message>
    <message>
        <source>The file names villages or teams that are not in the lists yet:

{names}

Add them to the lists and import?</source>
        <translation>Tệp có bản hoặc lực lượng chưa có trong danh mục:

{names}

Thêm vào danh mục và nhập tệp?</translation>
    </message>
    <message>
        <source>Import cancelled; nothing added.</source>
        <translation>Đã hủy nhập tệp; chưa thêm gì.</translation>
    </message>
    <message>
        <source>{added} activities imported; {skipped} were already recorded.</source>
        <translation>Đã nhập {added} hoạt động; {skipped} hoạt động đã có từ trước nên bỏ qua.</translation>
    </message>
    <message>
        <source>Added to the lists: {names}.</source>
        <translation>Đã thêm vào danh mục: {names}.</translation>
    </message>
    <message>
        <source>{count} of them share date, team, form and village with an activity recorded before: check them for duplicates.</source>
        <translation>Trong đó {count} hoạt động trùng ngày, lực lượng, hình thức và bản với hoạt động đã ghi trước: hãy kiểm tra xem có bị trùng không.</translation>
    </message>
    <message>
        <source>Export activities</source>
        <translation>Xuất hoạt động ra tệp</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV for Excel (*.csv)</source>
        <translation>Bảng tính Excel (*.xlsx);;Tệp CSV cho Excel (*.csv)</translation>
    </message>
    <message>
        <source>{count} activities written to {file}.</source>
        <translation>Đã xuất {count} hoạt động ra tệp {file}.</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>The villages and teams the activity log offers. Names are unique in the commune (accents and case ignored). A name used by activities cannot be deleted: deactivate it and it stays on the old activities.</source>
        <translation>Danh mục bản và lực lượng dùng khi ghi hoạt động. Mỗi tên chỉ có một lần trong xã (không phân biệt dấu và chữ hoa). Tên đã có hoạt động thì không xóa được: hãy ngừng dùng, tên vẫn giữ trên các hoạt động cũ.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong and the action was not completed. Your saved data is safe. Details were written to {log}; send this file to the district IT staff if it happens again.</source>
        <translation>Đã xảy ra lỗi và thao tác chưa hoàn thành. Dữ liệu đã lưu vẫn an toàn. Chi tiết được ghi vào {log}; nếu lỗi lặp lại, hãy gửi tệp này cho cán bộ công nghệ thông tin của huyện.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Database: checking…</source>
        <translation>Dữ liệu: đang kiểm tra…</translation>
    </message>
    <message>
        <source>The data needs attention</source>
        <translation>Dữ liệu cần được xử lý</translation>
    </message>
    <message>
        <source>The database check found a problem: {problem}

Keep working only if you must; restore the latest backup in Settings as soon as you can.</source>
        <translation>Kiểm tra cơ sở dữ liệu phát hiện lỗi: {problem}

Chỉ tiếp tục làm việc khi thật cần thiết; hãy khôi phục bản sao lưu gần nhất trong mục Cài đặt càng sớm càng tốt.</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Đang mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Database: OK</source>
        <translation>Dữ liệu: tốt</translation>
    </message>
    <message>
        <source>Database: problems found</source>
        <translation>Dữ liệu: có lỗi</translation>
    </message>
    <message>
        <source>Quỳnh Nhai — {unit}</source>
        <translation>Quỳnh Nhai — {unit}</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <source>&lt;b&gt;Quỳnh Nhai&lt;/b&gt; version {version}&lt;br&gt;Outreach log, venue QR posters and monthly reports for the commune offices.&lt;br&gt;Data folder: {folder}</source>
        <translation>&lt;b&gt;Quỳnh Nhai&lt;/b&gt; phiên bản {version}&lt;br&gt;Sổ theo dõi tuyên truyền, mã QR địa điểm và báo cáo tháng cho UBND các xã.&lt;br&gt;Thư mục dữ liệu: {folder}</translation>
    </message>
    <message>
        <source>Quỳnh Nhai — Outreach and reports</source>
        <translation>Quỳnh Nhai — Tuyên truyền và báo cáo</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Các mục</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
</context>
<context>
    <name>NamesModel</name>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Số hoạt động</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Ngừng dùng</translation>
    </message>
</context>
<context>
    <name>NamesPanel</name>
    <message>
        <source>Villages and residential groups</source>
        <translation>Bản, tổ dân phố</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Lực lượng thực hiện</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Đổi tên…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Ngừng dùng</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Dùng lại</translation>
    </message>
    <message>
        <source>Only a name no activity uses can be deleted; deactivate the others.</source>
        <translation>Chỉ xóa được tên chưa có hoạt động nào; các tên khác hãy cho ngừng dùng.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>New village</source>
        <translation>Thêm bản</translation>
    </message>
    <message>
        <source>New team</source>
        <translation>Thêm lực lượng</translation>
    </message>
    <message>
        <source>Added: {name}.</source>
        <translation>Đã thêm: {name}.</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Đổi tên</translation>
    </message>
    <message>
        <source>Renamed: {old} → {new}. Its activities show the new name.</source>
        <translation>Đã đổi tên: {old} → {new}. Các hoạt động cũ hiện theo tên mới.</translation>
    </message>
    <message>
        <source>{name} is no longer offered for new activities.</source>
        <translation>Đã ngừng dùng {name} cho các hoạt động mới.</translation>
    </message>
    <message>
        <source>{name} is offered again.</source>
        <translation>Đã dùng lại {name}.</translation>
    </message>
    <message>
        <source>Deleted: {name}.</source>
        <translation>Đã xóa: {name}.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This part of the app is coming in a later version.</source>
        <translation>Phần này sẽ có trong phiên bản sau.</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>The file was not imported</source>
        <translation>Chưa nhập tệp</translation>
    </message>
    <message>
        <source>{rows} row(s) of the file have errors, so nothing was imported. Correct these rows in the spreadsheet (row numbers as Excel shows them) and import the file again.</source>
        <translation>Tệp có {rows} dòng bị lỗi nên chưa nhập dòng nào. Hãy sửa các dòng này trong bảng tính (số dòng như Excel hiển thị) rồi nhập lại tệp.</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Lỗi</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Venues &amp; QR codes</source>
        <translation>Địa điểm &amp; mã QR</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>This installation</source>
        <translation>Đơn vị sử dụng</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Chế độ:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <source>Reports go to:</source>
        <translation>Nơi nhận báo cáo:</translation>
    </message>
    <message>
        <source>Signer:</source>
        <translation>Người ký:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Chức vụ:</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Dữ liệu</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Thư mục dữ liệu:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Cơ sở dữ liệu:</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Tệp nhật ký:</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>First-time set-up</source>
        <translation>Thiết lập lần đầu</translation>
    </message>
    <message>
        <source>Who uses this computer?</source>
        <translation>Máy tính này của đơn vị nào?</translation>
    </message>
    <message>
        <source>Choose once; the reports and screens follow this choice.</source>
        <translation>Chọn một lần; báo cáo và các màn hình sẽ theo lựa chọn này.</translation>
    </message>
    <message>
        <source>A &amp;commune People&apos;s Committee (records activities, sends monthly reports)</source>
        <translation>UBND &amp;xã (ghi hoạt động tuyên truyền, gửi báo cáo tháng)</translation>
    </message>
    <message>
        <source>The &amp;district office (collects the communes&apos; reports)</source>
        <translation>Phòng của &amp;huyện (tổng hợp báo cáo của các xã)</translation>
    </message>
    <message>
        <source>Which unit?</source>
        <translation>Đơn vị nào?</translation>
    </message>
    <message>
        <source>The name printed at the top of every report.</source>
        <translation>Tên in ở đầu mỗi báo cáo.</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Who signs the reports?</source>
        <translation>Ai ký báo cáo?</translation>
    </message>
    <message>
        <source>You can change this later in Settings.</source>
        <translation>Có thể sửa sau trong mục Cài đặt.</translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;name:</source>
        <translation>&amp;Họ tên người ký:</translation>
    </message>
    <message>
        <source>e.g. Lò Văn Thành</source>
        <translation>ví dụ: Lò Văn Thành</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Chức vụ:</translation>
    </message>
    <message>
        <source>Separate the lines of the title with “/”.</source>
        <translation>Ngăn cách các dòng của chức vụ bằng dấu “/”.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Cannot open the data</source>
        <translation>Không mở được dữ liệu</translation>
    </message>
</context>
<context>
    <name>activities</name>
    <message>
        <source>The date must be between {first} and today.</source>
        <translation>Ngày phải từ {first} đến hôm nay.</translation>
    </message>
    <message>
        <source>Unknown form {code}.</source>
        <translation>Không có hình thức tuyên truyền “{code}”.</translation>
    </message>
    <message>
        <source>Choose at least one topic.</source>
        <translation>Chọn ít nhất một nội dung tuyên truyền.</translation>
    </message>
    <message>
        <source>Unknown topic {code}.</source>
        <translation>Không có nội dung tuyên truyền “{code}”.</translation>
    </message>
    <message>
        <source>Unknown indicator {code}.</source>
        <translation>Không có chỉ tiêu “{code}”.</translation>
    </message>
    <message>
        <source>“{indicator}” cannot be negative.</source>
        <translation>“{indicator}” không được là số âm.</translation>
    </message>
    <message>
        <source>The form “{form}” does not record “{indicator}”.</source>
        <translation>Hình thức “{form}” không ghi chỉ tiêu “{indicator}”.</translation>
    </message>
    <message>
        <source>The note is too long (at most {max} characters).</source>
        <translation>Ghi chú quá dài (tối đa {max} ký tự).</translation>
    </message>
    <message>
        <source>More households ({households}) than people ({people}): check the counts.</source>
        <translation>Số hộ ({households}) nhiều hơn số người ({people}): hãy kiểm tra lại.</translation>
    </message>
    <message>
        <source>“{indicator}” ({value}) is more than the people reached ({people}).</source>
        <translation>“{indicator}” ({value}) nhiều hơn số người được tuyên truyền ({people}).</translation>
    </message>
    <message>
        <source>“{indicator}” = {value} is unusually large for one activity.</source>
        <translation>“{indicator}” = {value} là quá lớn đối với một hoạt động; hãy kiểm tra lại.</translation>
    </message>
    <message>
        <source>No counts entered for this activity.</source>
        <translation>Hoạt động này chưa có số liệu nào.</translation>
    </message>
    <message>
        <source>An activity with the same date, team, form and village is already recorded. Is this one a duplicate?</source>
        <translation>Đã có hoạt động cùng ngày, cùng lực lượng, hình thức và bản. Hoạt động này có bị nhập trùng không?</translation>
    </message>
    <message>
        <source>The report covering this date was already exported (revision {revision}); after this change the next export is revision {next}.</source>
        <translation>Báo cáo có ngày này đã được xuất (lần {revision}); sau khi thay đổi, lần xuất tiếp theo sẽ là báo cáo lần {next}.</translation>
    </message>
    <message>
        <source>Choose the team.</source>
        <translation>Chọn lực lượng thực hiện.</translation>
    </message>
    <message>
        <source>Choose the village.</source>
        <translation>Chọn bản.</translation>
    </message>
    <message>
        <source>This activity was deleted meanwhile; not saved.</source>
        <translation>Hoạt động này vừa bị xóa; chưa lưu được.</translation>
    </message>
    <message>
        <source>This activity no longer exists.</source>
        <translation>Hoạt động này không còn nữa.</translation>
    </message>
</context>
<context>
    <name>activity_import</name>
    <message>
        <source>The date “{text}” is not a date; write dd/mm/yyyy or yyyy-mm-dd.</source>
        <translation>“{text}” không phải là ngày; hãy ghi theo dạng dd/mm/yyyy hoặc yyyy-mm-dd.</translation>
    </message>
    <message>
        <source>The team is empty.</source>
        <translation>Chưa ghi lực lượng.</translation>
    </message>
    <message>
        <source>Unknown form “{text}”.</source>
        <translation>Không có hình thức tuyên truyền “{text}”.</translation>
    </message>
    <message>
        <source>Unknown topic “{text}”.</source>
        <translation>Không có nội dung tuyên truyền “{text}”.</translation>
    </message>
    <message>
        <source>“{indicator}”: “{text}” is not a whole number of 0 or more.</source>
        <translation>“{indicator}”: “{text}” không phải là số nguyên từ 0 trở lên.</translation>
    </message>
    <message>
        <source>The village “{name}” is not in the list. Add it under Lists, or let the import create it (--create-missing).</source>
        <translation>Bản “{name}” chưa có trong danh mục. Hãy thêm ở mục Danh mục, hoặc cho phép tự thêm khi nhập (--create-missing).</translation>
    </message>
    <message>
        <source>The team “{name}” is not in the list. Add it under Lists, or let the import create it (--create-missing).</source>
        <translation>Lực lượng “{name}” chưa có trong danh mục. Hãy thêm ở mục Danh mục, hoặc cho phép tự thêm khi nhập (--create-missing).</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Data folder (default: app data)</source>
        <translation>Thư mục dữ liệu (mặc định: thư mục dữ liệu của ứng dụng)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Log to the console too</source>
        <translation>Ghi nhật ký ra cả màn hình lệnh</translation>
    </message>
    <message>
        <source>Outreach log, venue QR posters and monthly reports (Quỳnh Nhai).</source>
        <translation>Sổ theo dõi tuyên truyền, mã QR địa điểm và báo cáo tháng (Quỳnh Nhai).</translation>
    </message>
    <message>
        <source>Start the GUI with demo data</source>
        <translation>Mở cửa sổ ứng dụng với dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Start the app window (the default)</source>
        <translation>Mở cửa sổ ứng dụng (mặc định)</translation>
    </message>
    <message>
        <source>Fill an empty database with demo data</source>
        <translation>Nạp dữ liệu mẫu vào cơ sở dữ liệu trống</translation>
    </message>
    <message>
        <source>Set up this installation</source>
        <translation>Thiết lập đơn vị sử dụng</translation>
    </message>
    <message>
        <source>Commune code, e.g. 03703</source>
        <translation>Mã xã, ví dụ 03703</translation>
    </message>
    <message>
        <source>District code, e.g. 118</source>
        <translation>Mã huyện, ví dụ 118</translation>
    </message>
    <message>
        <source>Who signs the reports</source>
        <translation>Người ký báo cáo</translation>
    </message>
    <message>
        <source>Signer&apos;s title, lines separated by &apos;/&apos;: &apos;KT. CHỦ TỊCH / PHÓ CHỦ TỊCH&apos;</source>
        <translation>Chức vụ người ký, các dòng ngăn cách bằng &apos;/&apos;: &apos;KT. CHỦ TỊCH / PHÓ CHỦ TỊCH&apos;</translation>
    </message>
    <message>
        <source>How many months (default 6)</source>
        <translation>Số tháng (mặc định 6)</translation>
    </message>
    <message>
        <source>Last month (default: this month)</source>
        <translation>Tháng cuối (mặc định: tháng này)</translation>
    </message>
    <message>
        <source>Check the database and print what it holds</source>
        <translation>Kiểm tra cơ sở dữ liệu và in nội dung</translation>
    </message>
    <message>
        <source>Set up: {unit} ({code}). Reports go to: {recipient}.</source>
        <translation>Đã thiết lập: {unit} ({code}). Báo cáo gửi: {recipient}.</translation>
    </message>
    <message>
        <source>Write the month as YYYY-MM, e.g. 2021-09 (got “{text}”).</source>
        <translation>Ghi tháng theo dạng NNNN-TT, ví dụ 2021-09 (đã nhập “{text}”).</translation>
    </message>
    <message>
        <source>Demo data added: {activities} activities from {first} to {last}, {villages} villages, {teams} teams, {venues} venues.</source>
        <translation>Đã nạp dữ liệu mẫu: {activities} hoạt động từ {first} đến {last}, {villages} bản, {teams} lực lượng, {venues} địa điểm.</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Cơ sở dữ liệu: {path}</translation>
    </message>
    <message>
        <source>Unit: {unit}</source>
        <translation>Đơn vị: {unit}</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>chưa thiết lập</translation>
    </message>
    <message>
        <source>Schema: {revision} (latest {head})</source>
        <translation>Phiên bản dữ liệu: {revision} (mới nhất {head})</translation>
    </message>
    <message>
        <source>Villages {villages}, teams {teams}, activities {activities}, venues {venues}</source>
        <translation>Bản {villages}, lực lượng {teams}, hoạt động {activities}, địa điểm {venues}</translation>
    </message>
    <message>
        <source>Problem: {problem}</source>
        <translation>Lỗi: {problem}</translation>
    </message>
    <message>
        <source>Integrity: OK</source>
        <translation>Tính toàn vẹn: tốt</translation>
    </message>
    <message>
        <source>Integrity: PROBLEMS FOUND — restore a backup</source>
        <translation>Tính toàn vẹn: CÓ LỖI — hãy khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>Lỗi: {message}</translation>
    </message>
    <message>
        <source>Import, export or list outreach activities</source>
        <translation>Nhập, xuất hoặc liệt kê các hoạt động tuyên truyền</translation>
    </message>
    <message>
        <source>Import activities from a .csv or .xlsx file</source>
        <translation>Nhập hoạt động từ tệp .csv hoặc .xlsx</translation>
    </message>
    <message>
        <source>Add villages and teams the file names but the lists lack</source>
        <translation>Tự thêm vào danh mục các bản và lực lượng có trong tệp nhưng chưa có trong danh mục</translation>
    </message>
    <message>
        <source>Write activities to a .csv or .xlsx file (by its extension)</source>
        <translation>Xuất hoạt động ra tệp .csv hoặc .xlsx (theo phần mở rộng của tên tệp)</translation>
    </message>
    <message>
        <source>Print activities and totals</source>
        <translation>In danh sách hoạt động và số tổng</translation>
    </message>
    <message>
        <source>Only this month (default: every month)</source>
        <translation>Chỉ tháng này (mặc định: tất cả các tháng)</translation>
    </message>
    <message>
        <source>Row {row}: {message}</source>
        <translation>Dòng {row}: {message}</translation>
    </message>
    <message>
        <source>Village added to the list: {name}</source>
        <translation>Đã thêm bản vào danh mục: {name}</translation>
    </message>
    <message>
        <source>Team added to the list: {name}</source>
        <translation>Đã thêm lực lượng vào danh mục: {name}</translation>
    </message>
    <message>
        <source>{added} activities imported; {skipped} were already recorded.</source>
        <translation>Đã nhập {added} hoạt động; {skipped} hoạt động đã có từ trước nên bỏ qua.</translation>
    </message>
    <message>
        <source>{count} imported activities share date, team, form and village with one recorded before: check them for duplicates.</source>
        <translation>{count} hoạt động vừa nhập trùng ngày, lực lượng, hình thức và bản với hoạt động đã ghi trước: hãy kiểm tra xem có bị trùng không.</translation>
    </message>
    <message>
        <source>{count} activities written to {file}.</source>
        <translation>Đã xuất {count} hoạt động ra tệp {file}.</translation>
    </message>
    <message>
        <source>Whole commune</source>
        <translation>Toàn xã</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Bản</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Lực lượng</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Buổi</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Lượt người</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Số hộ</translation>
    </message>
    <message>
        <source>App installs</source>
        <translation>Cài ứng dụng</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Total: {count} activities; {counts}</source>
        <translation>Tổng: {count} hoạt động; {counts}</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>Months must be between 1 and 120.</source>
        <translation>Số tháng phải từ 1 đến 120.</translation>
    </message>
    <message>
        <source>Demo data is made for a commune installation.</source>
        <translation>Dữ liệu mẫu chỉ dành cho đơn vị cấp xã.</translation>
    </message>
    <message>
        <source>This database already has activities or venues; no demo data added.</source>
        <translation>Cơ sở dữ liệu đã có hoạt động hoặc địa điểm; không nạp dữ liệu mẫu.</translation>
    </message>
</context>
<context>
    <name>reference</name>
    <message>
        <source>Enter a name.</source>
        <translation>Nhập tên.</translation>
    </message>
    <message>
        <source>The village “{name}” already exists.</source>
        <translation>Bản “{name}” đã có.</translation>
    </message>
    <message>
        <source>The team “{name}” already exists.</source>
        <translation>Lực lượng “{name}” đã có.</translation>
    </message>
    <message>
        <source>This entry no longer exists.</source>
        <translation>Mục này không còn nữa.</translation>
    </message>
    <message>
        <source>“{name}” is used by {count} record(s) and cannot be deleted. Deactivate it instead: it then disappears from new entries and stays on the old ones.</source>
        <translation>“{name}” đang được {count} bản ghi sử dụng nên không xóa được. Hãy cho ngừng dùng: tên sẽ không hiện khi nhập mới nhưng vẫn giữ trên các bản ghi cũ.</translation>
    </message>
</context>
<context>
    <name>setup</name>
    <message>
        <source>Unknown commune code {code}. Choose one of: {choices}.</source>
        <translation>Không có xã mã {code}. Chọn một trong các mã: {choices}.</translation>
    </message>
    <message>
        <source>Unknown district code {code}. Choose one of: {choices}.</source>
        <translation>Không có huyện mã {code}. Chọn một trong các mã: {choices}.</translation>
    </message>
    <message>
        <source>Enter the signer&apos;s name and title (e.g. PHÓ CHỦ TỊCH).</source>
        <translation>Nhập họ tên và chức vụ người ký (ví dụ PHÓ CHỦ TỊCH).</translation>
    </message>
    <message>
        <source>The unit list has no province above {code}.</source>
        <translation>Danh mục đơn vị không có tỉnh quản lý đơn vị {code}.</translation>
    </message>
    <message>
        <source>This installation is already set up; nothing was changed. Change the signer in Settings.</source>
        <translation>Máy này đã được thiết lập; không có gì thay đổi. Sửa người ký trong mục Cài đặt.</translation>
    </message>
    <message>
        <source>The app is not set up yet. Open it and follow the set-up, or run &apos;quynhnhai init --commune CODE --signer-name NAME --signer-title TITLE&apos;.</source>
        <translation>Ứng dụng chưa được thiết lập. Hãy mở ứng dụng và làm theo hướng dẫn thiết lập, hoặc chạy &apos;quynhnhai init --commune MÃ --signer-name &quot;HỌ TÊN&quot; --signer-title &quot;CHỨC VỤ&quot;&apos;.</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>The database file is damaged ({first}). Restore the latest backup (Settings → Backup) or call the district IT staff.</source>
        <translation>Tệp cơ sở dữ liệu bị hỏng ({first}). Hãy khôi phục bản sao lưu gần nhất (Cài đặt → Sao lưu) hoặc gọi cán bộ công nghệ thông tin của huyện.</translation>
    </message>
    <message>
        <source>This database was made by a newer version of the app (schema {revision}). Install the newer version; the data has not been touched.</source>
        <translation>Cơ sở dữ liệu này do phiên bản mới hơn của ứng dụng tạo ra (phiên bản dữ liệu {revision}). Hãy cài phiên bản mới hơn; dữ liệu chưa bị thay đổi.</translation>
    </message>
</context>
<context>
    <name>tabular</name>
    <message>
        <source>{count} row(s) have errors; nothing was imported. Fix them and try again.</source>
        <translation>Có {count} dòng bị lỗi; chưa nhập dòng nào. Hãy sửa các dòng đó rồi nhập lại.</translation>
    </message>
    <message>
        <source>Choose a .csv or .xlsx file (got “{name}”).</source>
        <translation>Hãy chọn tệp .csv hoặc .xlsx (tệp đã chọn: “{name}”).</translation>
    </message>
    <message>
        <source>Cannot read “{name}”: {reason}</source>
        <translation>Không đọc được tệp “{name}”: {reason}</translation>
    </message>
    <message>
        <source>The file “{name}” is empty.</source>
        <translation>Tệp “{name}” không có dữ liệu.</translation>
    </message>
    <message>
        <source>The file has no column {columns}.</source>
        <translation>Tệp thiếu cột {columns}.</translation>
    </message>
    <message>
        <source>The file has more than {max} rows; split it.</source>
        <translation>Tệp có hơn {max} dòng; hãy chia thành nhiều tệp.</translation>
    </message>
</context>
</TS>
