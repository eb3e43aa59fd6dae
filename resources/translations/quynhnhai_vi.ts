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
        <source>Campaign:</source>
        <translation>Đợt tuyên truyền:</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Đợt tuyên truyền</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Tất cả các đợt</translation>
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
        <source>Reading the list…</source>
        <translation>Đang đọc danh sách…</translation>
    </message>
    <message>
        <source>No activity recorded yet. Press Add… (Insert) to record the first one, or Import… a spreadsheet.</source>
        <translation>Chưa ghi hoạt động nào. Bấm Thêm… (phím Insert) để ghi hoạt động đầu tiên, hoặc Nhập từ tệp… một bảng tính.</translation>
    </message>
    <message>
        <source>No activity matches these filters. Choose “All months” or clear the search.</source>
        <translation>Không có hoạt động nào khớp bộ lọc. Chọn “Tất cả các tháng” hoặc xóa ô tìm kiếm.</translation>
    </message>
    <message>
        <source>{count} activities shown; adding up…</source>
        <translation>Đang hiện {count} hoạt động; đang cộng tổng…</translation>
    </message>
    <message>
        <source>Counting the activities shown…</source>
        <translation>Đang đếm các hoạt động đang hiển thị…</translation>
    </message>
    <message>
        <source>Total: &lt;b&gt;{count}&lt;/b&gt; activities</source>
        <translation>Tổng cộng: &lt;b&gt;{count}&lt;/b&gt; hoạt động</translation>
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
        <source>Fo&amp;rm:</source>
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
        <source>Campaign:</source>
        <translation>Đợt tuyên truyền:</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Đợt tuyên truyền</translation>
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
        <source>Discard what you typed?</source>
        <translation>Bỏ những gì đã nhập?</translation>
    </message>
    <message>
        <source>This activity is not saved. Close and discard what you typed?</source>
        <translation>Hoạt động này chưa được lưu. Đóng và bỏ những gì đã nhập?</translation>
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
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>Vẫn lưu?</translation>
    </message>
    <message>
        <source>Please check:
{warnings}

Save anyway?</source>
        <translation>Xin kiểm tra lại:
{warnings}

Vẫn lưu?</translation>
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
        <source>Reading {name}…</source>
        <translation>Đang đọc {name}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Saving {count} activities…</source>
        <translation>Đang lưu {count} hoạt động…</translation>
    </message>
    <message>
        <source>Reading {name}: {rows} rows…</source>
        <translation>Đang đọc {name}: {rows} dòng…</translation>
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
    <name>BackupGroup</name>
    <message>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>A checked copy of the data is made automatically when the app closes and once a day. The last 7 days, 4 weeks and 12 months are kept in the backups folder. To move the data to another computer, back up to a USB stick and restore it there.</source>
        <translation>Mỗi khi đóng chương trình và mỗi ngày một lần, dữ liệu được tự động sao lưu và kiểm tra. Thư mục sao lưu giữ các bản của 7 ngày, 4 tuần và 12 tháng gần nhất. Muốn chuyển dữ liệu sang máy khác, hãy sao lưu ra USB rồi khôi phục trên máy đó.</translation>
    </message>
    <message>
        <source>Backups on this computer</source>
        <translation>Các bản sao lưu trên máy này</translation>
    </message>
    <message>
        <source>No backup yet. The app makes one every day and when it closes; press “Back up to a file…” to keep a copy on a USB stick.</source>
        <translation>Chưa có bản sao lưu nào. Phần mềm tự sao lưu mỗi ngày và khi đóng; bấm “Sao lưu ra tệp…” để giữ một bản trên USB.</translation>
    </message>
    <message>
        <source>&amp;Back up to a file…</source>
        <translation>&amp;Sao lưu ra tệp…</translation>
    </message>
    <message>
        <source>&amp;Restore from a file…</source>
        <translation>&amp;Khôi phục từ tệp…</translation>
    </message>
    <message>
        <source>Restore the &amp;selected backup</source>
        <translation>Khôi phục bản đã &amp;chọn</translation>
    </message>
    <message>
        <source>&amp;Open the backups folder</source>
        <translation>Mở &amp;thư mục sao lưu</translation>
    </message>
    <message>
        <source>Backups on this computer:</source>
        <translation>Các bản sao lưu trên máy này:</translation>
    </message>
    <message>
        <source>Save a backup</source>
        <translation>Lưu bản sao lưu</translation>
    </message>
    <message>
        <source>Backups (*.sqlite3)</source>
        <translation>Bản sao lưu (*.sqlite3)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <source>Backup saved</source>
        <translation>Đã sao lưu</translation>
    </message>
    <message>
        <source>The backup was saved and checked:
{path} ({size})

If it is on a USB stick, you can unplug it now.</source>
        <translation>Bản sao lưu đã được lưu và kiểm tra:
{path} ({size})

Nếu lưu vào USB, có thể rút USB ra ngay.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>Backups (*.sqlite3);;All files (*)</source>
        <translation>Bản sao lưu (*.sqlite3);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Đang kiểm tra bản sao lưu…</translation>
    </message>
    <message>
        <source>The data was restored from the backup: {unit}.</source>
        <translation>Đã khôi phục dữ liệu từ bản sao lưu: {unit}.</translation>
    </message>
    <message>
        <source>The data it replaced was backed up first, as “{name}” in the backups folder.</source>
        <translation>Dữ liệu bị thay thế đã được sao lưu trước, thành tệp “{name}” trong thư mục sao lưu.</translation>
    </message>
    <message>
        <source>Data restored</source>
        <translation>Đã khôi phục dữ liệu</translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <source>Made</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
</context>
<context>
    <name>CampaignEditor</name>
    <message>
        <source>New campaign</source>
        <translation>Đợt tuyên truyền mới</translation>
    </message>
    <message>
        <source>New version of “{title}”</source>
        <translation>Phiên bản mới của “{title}”</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name in Vietnamese</source>
        <translation>Tên tiếng Việt</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>Tên tiếng Anh</translation>
    </message>
    <message>
        <source>&amp;Indicators</source>
        <translation>&amp;Chỉ tiêu</translation>
    </message>
    <message>
        <source>Indicators asked (codes)</source>
        <translation>Chỉ tiêu cần nhập (mã)</translation>
    </message>
    <message>
        <source>&amp;Forms</source>
        <translation>&amp;Hình thức</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>Nội &amp;dung</translation>
    </message>
    <message>
        <source>Previe&amp;w…</source>
        <translation>Xem t&amp;rước…</translation>
    </message>
    <message>
        <source>The entry dialog and a blank report, as the communes will see them</source>
        <translation>Hộp nhập hoạt động và mẫu báo cáo trống, đúng như các xã sẽ thấy</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>empty: no end date</source>
        <translation>để trống: không có ngày kết thúc</translation>
    </message>
    <message>
        <source>Calendar month</source>
        <translation>Tháng dương lịch</translation>
    </message>
    <message>
        <source>Statistical month (Decree 09)</source>
        <translation>Tháng thống kê (Nghị định 09)</translation>
    </message>
    <message>
        <source> days after the period</source>
        <translation> ngày sau kỳ báo cáo</translation>
    </message>
    <message>
        <source>Campaign &amp;code:</source>
        <translation>&amp;Mã đợt:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Phiên bản:</translation>
    </message>
    <message>
        <source>Title (&amp;Vietnamese):</source>
        <translation>Tên đợt (tiếng &amp;Việt):</translation>
    </message>
    <message>
        <source>Title (&amp;English):</source>
        <translation>Tên đợt (tiếng &amp;Anh):</translation>
    </message>
    <message>
        <source>Directive &amp;kind:</source>
        <translation>Loại văn &amp;bản:</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Số:</translation>
    </message>
    <message>
        <source>S&amp;ymbol:</source>
        <translation>&amp;Ký hiệu:</translation>
    </message>
    <message>
        <source>Directive &amp;date:</source>
        <translation>Ngày ban &amp;hành:</translation>
    </message>
    <message>
        <source>Issued &amp;by:</source>
        <translation>&amp;Cơ quan ban hành:</translation>
    </message>
    <message>
        <source>Runs &amp;from:</source>
        <translation>Bắt đầu &amp;từ ngày:</translation>
    </message>
    <message>
        <source>Runs &amp;until:</source>
        <translation>Kết thúc ngà&amp;y:</translation>
    </message>
    <message>
        <source>Reporting &amp;period:</source>
        <translation>Kỳ báo cá&amp;o:</translation>
    </message>
    <message>
        <source>Report &amp;due:</source>
        <translation>Hạn &amp;nộp:</translation>
    </message>
    <message>
        <source>&amp;Directive</source>
        <translation>&amp;Văn bản chỉ đạo</translation>
    </message>
    <message>
        <source>Columns of the activity list:</source>
        <translation>Các cột của danh sách hoạt động:</translation>
    </message>
    <message>
        <source>Indicators summed (codes)</source>
        <translation>Cộng các chỉ tiêu (mã)</translation>
    </message>
    <message>
        <source>empty: every indicator</source>
        <translation>để trống: mọi chỉ tiêu</translation>
    </message>
    <message>
        <source>Totals line (codes):</source>
        <translation>Dòng tổng cộng (mã):</translation>
    </message>
    <message>
        <source>Overview cards (codes):</source>
        <translation>Thẻ ở Tổng quan (mã):</translation>
    </message>
    <message>
        <source>People reached (code):</source>
        <translation>Lượt người được tuyên truyền (mã):</translation>
    </message>
    <message>
        <source>Worth a second look above (code=N):</source>
        <translation>Nên kiểm tra lại khi vượt quá (mã=số):</translation>
    </message>
    <message>
        <source>People counted (code):</source>
        <translation>Chỉ tiêu số người (mã):</translation>
    </message>
    <message>
        <source>What the &amp;screens show</source>
        <translation>Hiển thị trên &amp;màn hình</translation>
    </message>
</context>
<context>
    <name>CampaignPreview</name>
    <message>
        <source>Preview: “{title}” as the communes will see it</source>
        <translation>Xem trước: “{title}” như các xã sẽ thấy</translation>
    </message>
    <message>
        <source>This is how a commune will see the campaign once it imports the file. Nothing typed here is saved.</source>
        <translation>Đây là đợt tuyên truyền như xã sẽ thấy sau khi nhập tệp. Những gì gõ ở đây không được lưu.</translation>
    </message>
    <message>
        <source>&amp;Entry dialog</source>
        <translation>Hộ&amp;p nhập hoạt động</translation>
    </message>
    <message>
        <source>Page {number}</source>
        <translation>Trang {number}</translation>
    </message>
    <message>
        <source>&amp;Blank report</source>
        <translation>Mẫu báo &amp;cáo trống</translation>
    </message>
</context>
<context>
    <name>CampaignsModel</name>
    <message>
        <source>Campaign</source>
        <translation>Đợt tuyên truyền</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>từ {start}</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>&amp;Import a campaign file…</source>
        <translation>&amp;Nhập từ tệp…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Xuất ra tệp…</translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation>Tạo đợt mớ&amp;i…</translation>
    </message>
    <message>
        <source>New &amp;version…</source>
        <translation>Phiên bản mới (&amp;V)…</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Các đợt tuyên truyền</translation>
    </message>
    <message>
        <source>The campaign&apos;s details</source>
        <translation>Chi tiết của đợt tuyên truyền</translation>
    </message>
    <message>
        <source> (retired)</source>
        <translation> (ngừng sử dụng)</translation>
    </message>
    <message>
        <source>calendar month</source>
        <translation>tháng dương lịch</translation>
    </message>
    <message>
        <source>statistical month (Decree 09: 15th to 14th)</source>
        <translation>tháng thống kê (Nghị định 09: từ ngày 15 đến ngày 14)</translation>
    </message>
    <message>
        <source>Forms and what each asks</source>
        <translation>Hình thức và các chỉ tiêu của từng hình thức</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>List columns</source>
        <translation>Các cột của danh sách</translation>
    </message>
    <message>
        <source>Worth a second look above</source>
        <translation>Nên kiểm tra lại khi vượt quá</translation>
    </message>
    <message>
        <source>Code {id}, version {version}; runs {runs}.</source>
        <translation>Mã {id}, phiên bản {version}; thời gian: {runs}.</translation>
    </message>
    <message>
        <source>Reports by {rule}, due {days} days after the period ends.</source>
        <translation>Báo cáo theo {rule}, hạn nộp {days} ngày sau khi hết kỳ.</translation>
    </message>
    <message>
        <source>Import a campaign file</source>
        <translation>Nhập tệp đợt tuyên truyền</translation>
    </message>
    <message>
        <source>Campaign files (*{suffix})</source>
        <translation>Tệp đợt tuyên truyền (*{suffix})</translation>
    </message>
    <message>
        <source>Trust the upper level&apos;s key?</source>
        <translation>Tin cậy khóa của cấp trên?</translation>
    </message>
    <message>
        <source>“{title}” is signed with the key

{fingerprint}

Call the district office and compare this fingerprint with theirs. Is it the same? Campaign files signed with another key will then be refused.</source>
        <translation>“{title}” được ký bằng khóa

{fingerprint}

Hãy gọi điện cho phòng Văn hóa huyện và đối chiếu mã nhận dạng khóa này. Hai mã có giống hệt nhau không? Sau đó, tệp đợt tuyên truyền ký bằng khóa khác sẽ bị từ chối.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Chưa nhập gì.</translation>
    </message>
    <message>
        <source>Imported “{title}”, version {version}.</source>
        <translation>Đã nhập “{title}”, phiên bản {version}.</translation>
    </message>
    <message>
        <source>“{title}”, version {version}, was already here; nothing changed.</source>
        <translation>“{title}”, phiên bản {version}, đã có sẵn; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Export a campaign file</source>
        <translation>Xuất tệp đợt tuyên truyền</translation>
    </message>
    <message>
        <source>Saved {file}. The communes compare this key fingerprint on first import: {fp}</source>
        <translation>Đã lưu {file}. Khi nhập lần đầu, xã đối chiếu mã nhận dạng khóa này: {fp}</translation>
    </message>
    <message>
        <source>Saved “{title}”, version {version}. Export it for the communes.</source>
        <translation>Đã lưu “{title}”, phiên bản {version}. Hãy xuất ra tệp để gửi các xã.</translation>
    </message>
</context>
<context>
    <name>ChartArea</name>
    <message>
        <source>Activities by form</source>
        <translation>Hoạt động theo hình thức</translation>
    </message>
    <message>
        <source>Activities by topic</source>
        <translation>Hoạt động theo nội dung</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>People reached and installs, last 12 months</source>
        <translation>Lượt người được tuyên truyền và lượt cài đặt, 12 tháng gần nhất</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>Lượt người được tuyên truyền</translation>
    </message>
    <message>
        <source>Installs (Bluezone, health book)</source>
        <translation>Lượt cài đặt (Bluezone, Sổ sức khỏe điện tử)</translation>
    </message>
</context>
<context>
    <name>CompletenessModel</name>
    <message>
        <source>Revision {revision} withdrawn: {reason}</source>
        <translation>Lần gửi {revision} đã bị rút: {reason}</translation>
    </message>
    <message>
        <source>Revision {revision}, sent {date}</source>
        <translation>Lần gửi {revision}, gửi ngày {date}</translation>
    </message>
    <message>
        <source>{count} file(s) waiting for enrolment, not counted</source>
        <translation>{count} tệp đang chờ xác nhận khóa, chưa được tính</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>chưa nộp</translation>
    </message>
    <message>
        <source>late</source>
        <translation>muộn</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>đã rút</translation>
    </message>
    <message>
        <source>r{revision}</source>
        <translation>gửi lại lần {revision}</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>đúng hạn</translation>
    </message>
</context>
<context>
    <name>ConsolidatedReportBox</name>
    <message>
        <source>Consolidated report</source>
        <translation>Báo cáo tổng hợp</translation>
    </message>
    <message>
        <source>Month of the consolidated report</source>
        <translation>Tháng của báo cáo tổng hợp</translation>
    </message>
    <message>
        <source>Calendar month</source>
        <translation>Tháng dương lịch</translation>
    </message>
    <message>
        <source>Statistical month (15th to 14th, Decree 09/2019)</source>
        <translation>Tháng thống kê (ngày 15 đến ngày 14, Nghị định 09/2019)</translation>
    </message>
    <message>
        <source>Period rule</source>
        <translation>Cách tính kỳ báo cáo</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Lưu P&amp;DF…</translation>
    </message>
    <message>
        <source>Save &amp;Excel…</source>
        <translation>Lưu &amp;Excel…</translation>
    </message>
    <message>
        <source>Send to the pro&amp;vince…</source>
        <translation>&amp;Gửi lên tỉnh…</translation>
    </message>
    <message>
        <source>Write the signed file of the consolidated report for the province</source>
        <translation>Ghi tệp báo cáo tổng hợp đã ký số để gửi lên tỉnh</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>Tháng &amp;báo cáo:</translation>
    </message>
    <message>
        <source>Save the consolidated report as PDF</source>
        <translation>Lưu báo cáo tổng hợp thành tệp PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the Excel copy of the consolidated report</source>
        <translation>Lưu bản Excel của báo cáo tổng hợp</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Adding up the communes&apos; reports…</source>
        <translation>Đang tổng hợp báo cáo của các xã…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
    <message>
        <source>File: {name} (revision {revision}, unchanged since it was last sent).</source>
        <translation>Tệp: {name} (lần gửi {revision}, không thay đổi so với lần gửi trước).</translation>
    </message>
    <message>
        <source>File: {name} (revision {revision}).</source>
        <translation>Tệp: {name} (lần gửi {revision}).</translation>
    </message>
    <message>
        <source>Send the consolidated report to the province</source>
        <translation>Gửi báo cáo tổng hợp lên tỉnh</translation>
    </message>
    <message>
        <source>Writing and checking the file…</source>
        <translation>Đang ghi và kiểm tra tệp…</translation>
    </message>
    <message>
        <source>Nothing had changed: revision {revision} was written again: {path}</source>
        <translation>Không có gì thay đổi: đã ghi lại tệp lần gửi {revision}: {path}</translation>
    </message>
    <message>
        <source>Revision {revision} was written and checked: {path}</source>
        <translation>Đã ghi và kiểm tra tệp lần gửi {revision}: {path}</translation>
    </message>
</context>
<context>
    <name>DataSafety</name>
    <message>
        <source>The app was not closed properly</source>
        <translation>Chương trình chưa được đóng đúng cách</translation>
    </message>
    <message>
        <source>Quỳnh Nhai did not close properly last time (opened at {when}); perhaps the power was cut. The full data check found no problem: everything that was saved is safe.</source>
        <translation>Lần trước Quỳnh Nhai chưa được đóng đúng cách (mở lúc {when}), có thể do mất điện. Đã kiểm tra toàn bộ dữ liệu và không phát hiện lỗi: mọi thông tin đã lưu vẫn an toàn.</translation>
    </message>
    <message>
        <source>Quỳnh Nhai did not close properly last time (opened at {when}). The full data check found a problem: {problem}

Restore the latest backup in Settings → Backup, or call the district IT staff.</source>
        <translation>Lần trước Quỳnh Nhai chưa được đóng đúng cách (mở lúc {when}). Kiểm tra toàn bộ dữ liệu phát hiện lỗi: {problem}

Hãy khôi phục bản sao lưu gần nhất trong Cài đặt → Sao lưu, hoặc gọi cán bộ công nghệ thông tin của huyện.</translation>
    </message>
    <message>
        <source>The automatic backup failed: {reason}</source>
        <translation>Sao lưu tự động không thành công: {reason}</translation>
    </message>
</context>
<context>
    <name>DateRange</name>
    <message>
        <source>{typed}: choose a month from {first} to {last}.</source>
        <translation>{typed}: hãy chọn một tháng từ {first} đến {last}.</translation>
    </message>
    <message>
        <source>{typed} is in the future: choose a day up to today ({last}).</source>
        <translation>{typed} là ngày trong tương lai: hãy chọn một ngày đến hôm nay ({last}).</translation>
    </message>
    <message>
        <source>{typed}: choose a day from {first} to {last}.</source>
        <translation>{typed}: hãy chọn một ngày từ {first} đến {last}.</translation>
    </message>
</context>
<context>
    <name>DistrictPage</name>
    <message>
        <source>&amp;Import report files…</source>
        <translation>Nhập &amp;tệp báo cáo…</translation>
    </message>
    <message>
        <source>Import a whole f&amp;older…</source>
        <translation>Nhập &amp;cả thư mục…</translation>
    </message>
    <message>
        <source>Replace &amp;key…</source>
        <translation>Thay &amp;khóa…</translation>
    </message>
    <message>
        <source>Trust the new key of a commune whose computer was reinstalled.</source>
        <translation>Tin cậy khóa mới của xã có máy tính vừa được cài lại.</translation>
    </message>
    <message>
        <source>Wi&amp;thdraw…</source>
        <translation>Rút bá&amp;o cáo…</translation>
    </message>
    <message>
        <source>Take the report of the selected commune and month out of the totals (it is kept on record).</source>
        <translation>Đưa báo cáo của xã và tháng đang chọn ra khỏi số tổng hợp (báo cáo vẫn được lưu lại).</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source>Deadline after the period ends</source>
        <translation>Hạn nộp sau khi hết kỳ báo cáo</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Đợt tuyên truyền</translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>Đợt t&amp;uyên truyền:</translation>
    </message>
    <message>
        <source>Reports received, by commune and month</source>
        <translation>Báo cáo đã nhận, theo xã và theo tháng</translation>
    </message>
    <message>
        <source>Import results</source>
        <translation>Kết quả nhập</translation>
    </message>
    <message>
        <source>Waiting for enrolment (counted nowhere)</source>
        <translation>Chờ xác nhận khóa (chưa được tính ở đâu)</translation>
    </message>
    <message>
        <source>Files waiting for enrolment</source>
        <translation>Các tệp chờ xác nhận khóa</translation>
    </message>
    <message>
        <source>E&amp;nrol key…</source>
        <translation>&amp;Xác nhận khóa…</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Loại bỏ tệp</translation>
    </message>
    <message>
        <source>Before enrolling, call the commune: they read out the key fingerprint printed at the foot of page 1 of their report (or in their Settings). Enrol only if it is the same.</source>
        <translation>Trước khi xác nhận, hãy gọi điện cho xã: xã đọc mã nhận dạng khóa in ở chân trang 1 của báo cáo (hoặc trong mục Cài đặt của xã). Chỉ xác nhận khi hai mã giống hệt nhau.</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>Due &amp;within:</source>
        <translation>&amp;Hạn nộp trong:</translation>
    </message>
    <message>
        <source>Drop .qnbc files here, or use the buttons.</source>
        <translation>Kéo thả tệp .qnbc vào đây, hoặc dùng các nút trên.</translation>
    </message>
    <message>
        <source>Latest import:</source>
        <translation>Lần nhập gần nhất:</translation>
    </message>
    <message>
        <source>{file}: REFUSED — {reason}</source>
        <translation>{file}: BỊ TỪ CHỐI — {reason}</translation>
    </message>
    <message>
        <source>{file}: {commune} r{revision} — waiting for enrolment of key {fingerprint}: compare it with the commune, then “Enrol key”</source>
        <translation>{file}: {commune} r{revision} — chờ xác nhận khóa {fingerprint}: hãy đối chiếu với xã, rồi bấm “Xác nhận khóa”</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>đã nhập</translation>
    </message>
    <message>
        <source>imported, replaces the earlier revision</source>
        <translation>đã nhập, thay cho lần gửi trước</translation>
    </message>
    <message>
        <source>already imported, nothing changed</source>
        <translation>đã nhập trước đó, không thay đổi gì</translation>
    </message>
    <message>
        <source>older revision, kept in the history</source>
        <translation>lần gửi cũ hơn, được lưu trong lịch sử</translation>
    </message>
    <message>
        <source>this file was withdrawn and does not count; ask for a new revision</source>
        <translation>tệp này đã bị rút và không được tính; hãy đề nghị xã gửi lần mới</translation>
    </message>
    <message>
        <source>Import report files</source>
        <translation>Nhập tệp báo cáo</translation>
    </message>
    <message>
        <source>Report files (*.qnbc)</source>
        <translation>Tệp báo cáo (*.qnbc)</translation>
    </message>
    <message>
        <source>Import all report files in</source>
        <translation>Nhập mọi tệp báo cáo trong thư mục</translation>
    </message>
    <message>
        <source>The commune&apos;s new report file</source>
        <translation>Tệp báo cáo mới của xã</translation>
    </message>
    <message>
        <source>Replace key</source>
        <translation>Thay khóa</translation>
    </message>
    <message>
        <source>{commune} ({code})

Enrolled key: {old}
New key: {new}

Trust the new key from now on? Do this only after the commune has read you the same new fingerprint by phone. The {count} report(s) signed with the old key will be withdrawn (kept on record, out of the totals).</source>
        <translation>{commune} ({code})

Khóa đã xác nhận: {old}
Khóa mới: {new}

Tin cậy khóa mới từ nay? Chỉ làm khi xã đã đọc qua điện thoại đúng mã nhận dạng khóa mới này. {count} báo cáo ký bằng khóa cũ sẽ bị rút (vẫn lưu lại, không tính vào số tổng hợp).</translation>
    </message>
    <message>
        <source>Enrol key</source>
        <translation>Xác nhận khóa</translation>
    </message>
    <message>
        <source>{commune} ({code})

Key fingerprint: {fingerprint}

Is this the fingerprint the commune reads out to you (printed at the foot of page 1 of its report, or in its Settings)? Enrol this key for {commune}?</source>
        <translation>{commune} ({code})

Mã nhận dạng khóa: {fingerprint}

Đây có đúng là mã mà xã đọc cho anh/chị (in ở chân trang 1 của báo cáo, hoặc trong mục Cài đặt của xã) không? Xác nhận khóa này cho {commune}?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Loại bỏ tệp</translation>
    </message>
    <message>
        <source>Discard {file}? It was never counted; its key ({fingerprint}) will not be enrolled.</source>
        <translation>Loại bỏ tệp {file}? Tệp chưa từng được tính; khóa của tệp ({fingerprint}) sẽ không được xác nhận.</translation>
    </message>
    <message>
        <source>Withdraw a report</source>
        <translation>Rút báo cáo</translation>
    </message>
    <message>
        <source>First select, in the table, a report that counts (commune and month).</source>
        <translation>Trước hết hãy chọn trong bảng một báo cáo đang được tính (xã và tháng).</translation>
    </message>
    <message>
        <source>Withdraw the report of {commune} for {month} from the totals? It is kept on record.

Reason:</source>
        <translation>Rút báo cáo tháng {month} của {commune} khỏi số tổng hợp? Báo cáo vẫn được lưu lại.

Lý do:</translation>
    </message>
    <message>
        <source>{commune} ({code}), {period}, r{revision} — key {fingerprint}</source>
        <translation>{commune} ({code}), tháng {period}, r{revision} — khóa {fingerprint}</translation>
    </message>
    <message>
        <source>(another key is enrolled: {fingerprint})</source>
        <translation>(xã đã có khóa khác được xác nhận: {fingerprint})</translation>
    </message>
    <message>
        <source>{month}: {received} of {total} communes have reported.</source>
        <translation>Tháng {month}: {received}/{total} xã đã báo cáo.</translation>
    </message>
    <message>
        <source>Still missing: {names}.</source>
        <translation>Còn thiếu: {names}.</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>Activity entry</source>
        <translation>Nhập hoạt động tuyên truyền</translation>
    </message>
    <message>
        <source>Unsaved entry</source>
        <translation>Nội dung chưa lưu</translation>
    </message>
    <message>
        <source>“{form}” was being filled in when the app closed unexpectedly (last change {when}). What was typed has been kept.</source>
        <translation>Chương trình bị đóng đột ngột khi đang nhập “{form}” (sửa lần cuối lúc {when}). Những gì đã nhập vẫn được giữ lại.</translation>
    </message>
    <message>
        <source>Open it to check and save it?</source>
        <translation>Mở lại để kiểm tra và lưu?</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>Bỏ đi</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
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
    <name>HelpDialog</name>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <source>The villages and teams the activity log offers. Names are unique in the commune (accents and case ignored). A name used by activities cannot be deleted: deactivate it and it stays on the old activities.</source>
        <translation>Danh mục bản và lực lượng dùng khi ghi hoạt động. Mỗi tên chỉ có một lần trong xã (không phân biệt dấu và chữ hoa). Tên đã có hoạt động thì không xóa được: hãy ngừng dùng, tên vẫn giữ trên các hoạt động cũ.</translation>
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
        <source>&amp;Import activities from a file…</source>
        <translation>&amp;Nhập hoạt động từ tệp…</translation>
    </message>
    <message>
        <source>&amp;Export activities to a file…</source>
        <translation>&amp;Xuất hoạt động ra tệp…</translation>
    </message>
    <message>
        <source>&amp;Back up to a file…</source>
        <translation>&amp;Sao lưu ra tệp…</translation>
    </message>
    <message>
        <source>&amp;Print the monthly report…</source>
        <translation>&amp;In báo cáo tháng…</translation>
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
        <source>DEMO DATA</source>
        <translation>DỮ LIỆU MẪU</translation>
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
        <translation>Tệ&amp;p</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Mục</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>T&amp;rợ giúp</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
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
        <source>&amp;Villages and residential groups</source>
        <translation>&amp;Bản, tổ dân phố</translation>
    </message>
    <message>
        <source>&amp;Teams</source>
        <translation>&amp;Lực lượng thực hiện</translation>
    </message>
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
    <name>OverviewPage</name>
    <message>
        <source>The province this month</source>
        <translation>Toàn tỉnh trong tháng</translation>
    </message>
    <message>
        <source>The district this month</source>
        <translation>Toàn huyện trong tháng</translation>
    </message>
    <message>
        <source>This month at a glance</source>
        <translation>Tình hình trong tháng</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Tháng:</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Đợt tuyên truyền:</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Đợt tuyên truyền</translation>
    </message>
    <message>
        <source>Month shown</source>
        <translation>Tháng đang xem</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Số hoạt động</translation>
    </message>
    <message>
        <source>Communes expected to report</source>
        <translation>Số xã phải báo cáo</translation>
    </message>
    <message>
        <source>Reports received on time</source>
        <translation>Báo cáo nhận đúng hạn</translation>
    </message>
    <message>
        <source>Reports received late or revised</source>
        <translation>Báo cáo nhận muộn hoặc bổ sung</translation>
    </message>
    <message>
        <source>Communes not yet reported</source>
        <translation>Số xã chưa báo cáo</translation>
    </message>
    <message>
        <source>Venues registered for QR</source>
        <translation>Địa điểm đã đăng ký mã QR</translation>
    </message>
    <message>
        <source>Open the district reports</source>
        <translation>Mở trang báo cáo của huyện</translation>
    </message>
    <message>
        <source>Open the venue list</source>
        <translation>Mở danh sách địa điểm</translation>
    </message>
    <message>
        <source>Show the activities behind this number</source>
        <translation>Xem các hoạt động làm nên con số này</translation>
    </message>
    <message>
        <source>The figures could not be read: {error}</source>
        <translation>Không đọc được số liệu: {error}</translation>
    </message>
    <message>
        <source>From {start} to {end}; the communes&apos; latest reports.</source>
        <translation>Từ ngày {start} đến ngày {end}; theo bản báo cáo mới nhất của các xã.</translation>
    </message>
    <message>
        <source>From {start} to {end}; compared with the month before.</source>
        <translation>Từ ngày {start} đến ngày {end}; so sánh với tháng trước.</translation>
    </message>
    <message>
        <source>no figures yet</source>
        <translation>chưa có số liệu</translation>
    </message>
    <message>
        <source>the same as last month ({before})</source>
        <translation>bằng tháng trước ({before})</translation>
    </message>
    <message>
        <source>{sign}{diff} on last month ({before})</source>
        <translation>{sign}{diff} so với tháng trước ({before})</translation>
    </message>
    <message>
        <source>Monthly report: draft — not yet exported to the district.</source>
        <translation>Báo cáo tháng: bản nháp — chưa xuất gửi huyện.</translation>
    </message>
    <message>
        <source>Monthly report: exported, revision {revision}, on {date}.</source>
        <translation>Báo cáo tháng: đã xuất lần {revision}, ngày {date}.</translation>
    </message>
    <message>
        <source>QR codes: {registered} of {total} venues registered ({share} %), {posters} posters printed.</source>
        <translation>Mã QR: {registered}/{total} địa điểm đã đăng ký ({share} %), đã in {posters} áp phích.</translation>
    </message>
    <message>
        <source>No activity recorded this month yet. Open Activities (Ctrl+2) and press Add to enter the first tally.</source>
        <translation>Tháng này chưa ghi hoạt động nào. Mở mục Hoạt động (Ctrl+2) và bấm Thêm để nhập số liệu đầu tiên.</translation>
    </message>
    <message>
        <source>Province total, latest revisions</source>
        <translation>Tổng toàn tỉnh, theo bản báo cáo mới nhất</translation>
    </message>
    <message>
        <source>District total, latest revisions</source>
        <translation>Tổng toàn huyện, theo bản báo cáo mới nhất</translation>
    </message>
    <message>
        <source>Installs in the province this month: {installs}.</source>
        <translation>Lượt cài đặt toàn tỉnh trong tháng: {installs}.</translation>
    </message>
    <message>
        <source>Installs in the district this month: {installs}.</source>
        <translation>Lượt cài đặt toàn huyện trong tháng: {installs}.</translation>
    </message>
    <message>
        <source>No commune report for this month yet. Open Reports (Ctrl+4) and import the files the communes sent.</source>
        <translation>Tháng này chưa nhận báo cáo của xã nào. Mở mục Báo cáo (Ctrl+4) và nhập các tệp các xã đã gửi.</translation>
    </message>
</context>
<context>
    <name>PostersDialog</name>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>The {count} selected venue(s)</source>
        <translation>{count} địa điểm đã chọn</translation>
    </message>
    <message>
        <source>All {count} open venues</source>
        <translation>Tất cả {count} địa điểm đang hoạt động</translation>
    </message>
    <message>
        <source>Drawing the posters and checking every QR code…</source>
        <translation>Đang tạo áp phích và kiểm tra từng mã QR…</translation>
    </message>
    <message>
        <source>{pages} page(s) ready. All {checked} QR codes were decoded and match their venues ({local} with the commune&apos;s local code).</source>
        <translation>Đã sẵn sàng {pages} trang. Cả {checked} mã QR đều quét được và đúng với địa điểm của mình ({local} mã nội bộ của xã).</translation>
    </message>
    <message>
        <source>Cancelled: nothing was printed or saved.</source>
        <translation>Đã hủy: chưa in hay lưu gì.</translation>
    </message>
    <message>
        <source>The choice changed: make the posters again.</source>
        <translation>Lựa chọn đã thay đổi: hãy tạo lại áp phích.</translation>
    </message>
    <message>
        <source>QR posters</source>
        <translation>Áp phích mã QR</translation>
    </message>
    <message>
        <source>Print QR posters</source>
        <translation>In áp phích mã QR</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>{pages} page(s) sent to the printer.</source>
        <translation>Đã gửi {pages} trang tới máy in.</translation>
    </message>
    <message>
        <source>Save the QR posters</source>
        <translation>Lưu áp phích mã QR</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Đã lưu vào {path}.</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Khổ in</translation>
    </message>
    <message>
        <source>A&amp;4 poster, one per page (QR 15 cm)</source>
        <translation>Áp phích A&amp;4, mỗi trang một áp phích (mã QR 15 cm)</translation>
    </message>
    <message>
        <source>A&amp;5 posters, two per A4 sheet, with a cut line</source>
        <translation>Áp phích A&amp;5, hai áp phích trên một tờ A4, có đường cắt</translation>
    </message>
    <message>
        <source>&amp;Stickers, 12 per A4 sheet, with cut marks</source>
        <translation>&amp;Nhãn dán, 12 nhãn trên một tờ A4, có dấu cắt</translation>
    </message>
    <message>
        <source>&amp;Make and check</source>
        <translation>&amp;Tạo và kiểm tra</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Hủy</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>&amp;Lưu thành PDF…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Đón&amp;g</translation>
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
    <message>
        <source>Rows with errors</source>
        <translation>Các dòng bị lỗi</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Problem</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Dòng</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>Period rule</source>
        <translation>Cách tính kỳ báo cáo</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>&amp;Bảng:</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>Nội dung báo cáo</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Số:</translation>
    </message>
    <message>
        <source>&amp;Difficulties and problems:</source>
        <translation>Khó khăn, &amp;vướng mắc:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>Đến ngà&amp;y:</translation>
    </message>
    <message>
        <source>Figures table</source>
        <translation>Bảng số liệu</translation>
    </message>
    <message>
        <source>  Da&amp;te:</source>
        <translation>  &amp;Ngày:</translation>
    </message>
    <message>
        <source>Res&amp;ults:</source>
        <translation>Kết &amp;quả:</translation>
    </message>
    <message>
        <source>Write &amp;again from the figures</source>
        <translation>S&amp;oạn lại từ số liệu</translation>
    </message>
    <message>
        <source>Proposa&amp;ls:</source>
        <translation>Đề xuất, kiến ng&amp;hị:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Xem trước</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Lưu PDF…</translation>
    </message>
    <message>
        <source>Save &amp;Excel…</source>
        <translation>Lưu &amp;Excel…</translation>
    </message>
    <message>
        <source>&amp;Copy summary</source>
        <translation>&amp;Chép tóm tắt</translation>
    </message>
    <message>
        <source>Send to the d&amp;istrict…</source>
        <translation>&amp;Gửi huyện (USB)…</translation>
    </message>
    <message>
        <source>Write the signed report file on a USB stick for the district</source>
        <translation>Ghi tệp báo cáo có chữ ký vào USB để gửi Phòng Văn hóa và Thông tin huyện</translation>
    </message>
    <message>
        <source>Report preview</source>
        <translation>Bản xem trước báo cáo</translation>
    </message>
    <message>
        <source>Calendar month</source>
        <translation>Tháng dương lịch</translation>
    </message>
    <message>
        <source>Statistical month (15th to 14th, Decree 09/2019)</source>
        <translation>Tháng thống kê (ngày 15 đến ngày 14, Nghị định 09/2019)</translation>
    </message>
    <message>
        <source>Range of days</source>
        <translation>Khoảng ngày tùy chọn</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Đợt tuyên truyền:</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Đợt tuyên truyền</translation>
    </message>
    <message>
        <source>Adding up the figures…</source>
        <translation>Đang tổng hợp số liệu…</translation>
    </message>
    <message>
        <source>from {start} to {end}</source>
        <translation>từ ngày {start} đến ngày {end}</translation>
    </message>
    <message>
        <source>Report package exported: revision {n}</source>
        <translation>Đã xuất gói báo cáo: lần {n}</translation>
    </message>
    <message>
        <source>Edited by you.</source>
        <translation>Bạn đã sửa nội dung này.</translation>
    </message>
    <message>
        <source>Written from the figures; it follows them until you edit it.</source>
        <translation>Soạn từ số liệu; tự cập nhật theo số liệu cho đến khi bạn sửa.</translation>
    </message>
    <message>
        <source>Texts saved at {time}.</source>
        <translation>Đã lưu nội dung lúc {time}.</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>Đang tạo tệp PDF…</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Lưu báo cáo thành tệp PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the Excel copy</source>
        <translation>Lưu bản Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>In báo cáo</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>Không mở được máy in.</translation>
    </message>
    <message>
        <source>Sent {n} page(s) to the printer.</source>
        <translation>Đã gửi {n} trang tới máy in.</translation>
    </message>
    <message>
        <source>Summary copied: paste it into Zalo or an SMS.</source>
        <translation>Đã chép tóm tắt: dán vào Zalo hoặc tin nhắn.</translation>
    </message>
    <message>
        <source>File: {name} (revision {revision}, unchanged since it was last sent).</source>
        <translation>Tệp: {name} (lần gửi {revision}, không thay đổi so với lần gửi trước).</translation>
    </message>
    <message>
        <source>File: {name} (revision {revision}).</source>
        <translation>Tệp: {name} (lần gửi {revision}).</translation>
    </message>
    <message>
        <source>Writing and checking the file…</source>
        <translation>Đang ghi và kiểm tra tệp…</translation>
    </message>
    <message>
        <source>Nothing had changed: the file of revision {revision} was written again.</source>
        <translation>Số liệu không thay đổi: đã ghi lại tệp của lần gửi {revision}.</translation>
    </message>
    <message>
        <source>Revision {revision} was written.</source>
        <translation>Đã ghi tệp báo cáo lần gửi {revision}.</translation>
    </message>
    <message>
        <source>Report file written</source>
        <translation>Đã ghi tệp báo cáo</translation>
    </message>
    <message>
        <source>{text}

{path}

The file was read back and checked: you may pull out the USB stick. Signing key: {key}</source>
        <translation>{text}

{path}

Tệp đã được đọc lại và kiểm tra: có thể rút USB ra. Khóa ký: {key}</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
</context>
<context>
    <name>ReportTables</name>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Số hoạt động</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <source>Outreach activities</source>
        <translation>Số hoạt động tuyên truyền</translation>
    </message>
    <message>
        <source>Summary against the previous period</source>
        <translation>Tổng hợp so với kỳ trước</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Kỳ này</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Kỳ trước</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Tăng (+), giảm (-)</translation>
    </message>
    <message>
        <source>QR codes at public venues</source>
        <translation>Mã QR tại địa điểm công cộng</translation>
    </message>
    <message>
        <source>Kind of venue</source>
        <translation>Loại địa điểm</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>Số địa điểm</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Đã đăng ký mã QR</translation>
    </message>
    <message>
        <source>Of which in this period</source>
        <translation>Trong đó: đăng ký trong kỳ</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Chưa đăng ký</translation>
    </message>
    <message>
        <source>Official QR on file</source>
        <translation>Có mã QR chính thức</translation>
    </message>
    <message>
        <source>Posters printed</source>
        <translation>Áp phích mã QR đã in</translation>
    </message>
    <message>
        <source>By topic</source>
        <translation>Theo nội dung</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Nội dung tuyên truyền</translation>
    </message>
    <message>
        <source>By form</source>
        <translation>Theo hình thức</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức tuyên truyền</translation>
    </message>
    <message>
        <source>An activity on several topics counts under each of them; the total line counts it once.</source>
        <translation>Một hoạt động tuyên truyền nhiều nội dung được tính ở từng nội dung; dòng tổng cộng tính mỗi hoạt động một lần.</translation>
    </message>
    <message>
        <source>By village</source>
        <translation>Theo bản</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Bản, tổ dân phố</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>Theo lực lượng</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Lực lượng</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>&lt;b&gt;Replace all the current data with this backup?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu này?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <source>{count}, from {first} to {last}</source>
        <translation>{count}, từ {first} đến {last}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>Activities:</source>
        <translation>Hoạt động:</translation>
    </message>
    <message>
        <source>Lists:</source>
        <translation>Danh mục:</translation>
    </message>
    <message>
        <source>{villages} villages, {teams} teams, {venues} venues</source>
        <translation>{villages} bản, {teams} lực lượng, {venues} địa điểm</translation>
    </message>
    <message>
        <source>Last change:</source>
        <translation>Sửa lần cuối:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Phiên bản:</translation>
    </message>
    <message>
        <source>made by an older version of the app; it will be upgraded</source>
        <translation>do phiên bản cũ hơn tạo ra; dữ liệu sẽ được nâng cấp</translation>
    </message>
    <message>
        <source>Careful: this backup belongs to {unit}, not to the unit set up on this computer.</source>
        <translation>Chú ý: bản sao lưu này là của {unit}, không phải của đơn vị đang được thiết lập trên máy này.</translation>
    </message>
    <message>
        <source>The current data is backed up first (Settings → Backup, “before a restore”), so this step can be undone.</source>
        <translation>Dữ liệu hiện tại sẽ được sao lưu trước (Cài đặt → Sao lưu, loại “trước khi khôi phục”), nên vẫn có thể quay lại.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Retired</source>
        <translation>Ngừng sử dụng</translation>
    </message>
    <message>
        <source>&amp;Add a row</source>
        <translation>&amp;Thêm dòng</translation>
    </message>
    <message>
        <source>&amp;Remove the row</source>
        <translation>&amp;Xóa dòng</translation>
    </message>
    <message>
        <source>A report used this code: it can be renamed in words or retired, never changed or removed.</source>
        <translation>Mã này đã được dùng trong báo cáo: có thể đổi tên gọi hoặc ngừng sử dụng, nhưng không được đổi mã hay xóa.</translation>
    </message>
    <message>
        <source>The codes in grey ({count}) were used by reports: they stay as they are. Change their names, or tick “Retired” to stop offering them.</source>
        <translation>Các mã tô xám ({count}) đã được dùng trong báo cáo nên được giữ nguyên. Có thể đổi tên gọi, hoặc đánh dấu “Ngừng sử dụng” để không đưa ra khi nhập mới.</translation>
    </message>
    <message>
        <source>“{code}” was used by a report, so it cannot be removed. Tick “Retired” instead: it is then no longer offered for new entries.</source>
        <translation>Mã “{code}” đã được dùng trong báo cáo nên không xóa được. Hãy đánh dấu “Ngừng sử dụng”: mã sẽ không còn được đưa ra khi nhập hoạt động mới.</translation>
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
        <source>Campaigns</source>
        <translation>Đợt tuyên truyền</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Send the report to the district</source>
        <translation>Gửi báo cáo lên huyện</translation>
    </message>
    <message>
        <source>Where to write the file</source>
        <translation>Nơi ghi tệp</translation>
    </message>
    <message>
        <source>&amp;Look again</source>
        <translation>&amp;Tìm lại</translation>
    </message>
    <message>
        <source>Another &amp;folder…</source>
        <translation>Thư mục &amp;khác…</translation>
    </message>
    <message>
        <source>&amp;Write the file</source>
        <translation>&amp;Ghi tệp</translation>
    </message>
    <message>
        <source>The file is written, read back and checked; then you may pull out the USB stick. A copy stays on this computer.</source>
        <translation>Tệp sẽ được ghi, đọc lại và kiểm tra; sau đó mới rút USB ra. Máy này cũng giữ một bản.</translation>
    </message>
    <message>
        <source>No USB stick found. Plug one in and press “Look again”.</source>
        <translation>Chưa thấy USB. Hãy cắm USB rồi bấm “Tìm lại”.</translation>
    </message>
    <message>
        <source>USB stick or memory card</source>
        <translation>USB hoặc thẻ nhớ</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Ổ đĩa</translation>
    </message>
    <message>
        <source>Network drive</source>
        <translation>Ổ mạng</translation>
    </message>
    <message>
        <source>{kind}: {name} — {free} free</source>
        <translation>{kind}: {name} — còn trống {free}</translation>
    </message>
    <message>
        <source>Write the file into</source>
        <translation>Ghi tệp vào thư mục</translation>
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
        <source>Province</source>
        <translation>Tỉnh</translation>
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
        <source>Read this aloud to the district when they ask to confirm your reports.</source>
        <translation>Đọc dãy này cho cán bộ huyện khi họ đề nghị xác nhận báo cáo của xã.</translation>
    </message>
    <message>
        <source>Signing key:</source>
        <translation>Khóa ký báo cáo:</translation>
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
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>&amp;Ngôn ngữ giao diện:</translation>
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
        <source>&amp;Villages:</source>
        <translation>&amp;Các bản:</translation>
    </message>
    <message>
        <source>Villages of the commune</source>
        <translation>Các bản của xã</translation>
    </message>
    <message>
        <source>One village a line, or paste the column from Excel (you can add more later under Lists).</source>
        <translation>Mỗi dòng một bản, hoặc dán cột tên bản từ Excel (có thể thêm sau ở mục Danh mục).</translation>
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
        <translation>Họ &amp;tên người ký:</translation>
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
    <message>
        <source>until {day}</source>
        <translation>đến {day}</translation>
    </message>
    <message>
        <source>from {day}</source>
        <translation>từ {day}</translation>
    </message>
</context>
<context>
    <name>SignerGroup</name>
    <message>
        <source>Who signs the reports</source>
        <translation>Người ký báo cáo</translation>
    </message>
    <message>
        <source>One line a part, separated by &quot;/&quot;.</source>
        <translation>Mỗi dòng một phần, cách nhau bằng dấu &quot;/&quot;.</translation>
    </message>
    <message>
        <source>One recipient a line; the filing line (&quot;Lưu: …&quot;) last.</source>
        <translation>Mỗi nơi nhận một dòng; dòng lưu (&quot;Lưu: …&quot;) ở cuối.</translation>
    </message>
    <message>
        <source>Iss&amp;uing body:</source>
        <translation>Cơ &amp;quan ban hành:</translation>
    </message>
    <message>
        <source>Re&amp;port to:</source>
        <translation>Kính &amp;gửi:</translation>
    </message>
    <message>
        <source>Sig&amp;ns for:</source>
        <translation>Dòng ký tha&amp;y mặt:</translation>
    </message>
    <message>
        <source>&amp;Copies to:</source>
        <translation>Nơ&amp;i nhận:</translation>
    </message>
    <message>
        <source>Sa&amp;ve signer</source>
        <translation>&amp;Lưu người ký</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>Chức &amp;danh:</translation>
    </message>
    <message>
        <source>Usual for this unit: {recipient}</source>
        <translation>Mặc định của đơn vị: {recipient}</translation>
    </message>
    <message>
        <source>The office printed at the head of the consolidated report.</source>
        <translation>Cơ quan in ở đầu báo cáo tổng hợp.</translation>
    </message>
    <message>
        <source>Signer&apos;s na&amp;me:</source>
        <translation>&amp;Họ tên người ký:</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <source>Saved. The next report uses it; reports already sent keep theirs.</source>
        <translation>Đã lưu. Báo cáo tiếp theo sẽ dùng thông tin này; báo cáo đã gửi giữ nguyên người ký cũ.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Quỳnh Nhai is already open</source>
        <translation>Quỳnh Nhai đang mở</translation>
    </message>
    <message>
        <source>Quỳnh Nhai is already open on this computer for the data folder {folder}. Switch to its window on the taskbar.

If there is no such window, a backup may be being restored: wait a minute and start again.</source>
        <translation>Quỳnh Nhai đang mở trên máy này với thư mục dữ liệu {folder}. Hãy chuyển sang cửa sổ đó trên thanh tác vụ.

Nếu không thấy cửa sổ nào, có thể dữ liệu đang được khôi phục: hãy chờ một phút rồi mở lại.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Opening the data (an upgrade backs it up first)…</source>
        <translation>Đang mở dữ liệu (nếu cần nâng cấp, sẽ sao lưu trước)…</translation>
    </message>
    <message>
        <source>Cannot open the data</source>
        <translation>Không mở được dữ liệu</translation>
    </message>
</context>
<context>
    <name>UnitMoveGroup</name>
    <message>
        <source>The unit over time</source>
        <translation>Đơn vị qua các thời kỳ</translation>
    </message>
    <message>
        <source>{unit} — reports went to: {recipient}</source>
        <translation>{unit} — báo cáo gửi: {recipient}</translation>
    </message>
    <message>
        <source>{old} was merged into {new} on {day}. Move this installation: months from then on are reported as the new commune, to {recipient}; earlier months keep the old name.</source>
        <translation>{old} đã được sáp nhập vào {new} từ ngày {day}. Hãy chuyển phần mềm sang đơn vị mới: các tháng từ ngày đó báo cáo với tên xã mới, gửi {recipient}; các tháng trước vẫn giữ tên cũ.</translation>
    </message>
    <message>
        <source>Mov&amp;e to {unit}…</source>
        <translation>Ch&amp;uyển sang {unit}…</translation>
    </message>
    <message>
        <source>&amp;Take in their history…</source>
        <translation>&amp;Nhận lịch sử của các xã này…</translation>
    </message>
    <message>
        <source>Also merged into this commune: {names}. Take in their reports from their report files; they are shown under their old names and do not count in this commune&apos;s months.</source>
        <translation>Cùng sáp nhập vào xã này: {names}. Có thể nhận các báo cáo cũ của các xã đó từ tệp báo cáo của họ; báo cáo được hiển thị dưới tên cũ và không tính vào số liệu các tháng của xã.</translation>
    </message>
    <message>
        <source>Former commune</source>
        <translation>Xã cũ</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Lần gửi</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Số hoạt động</translation>
    </message>
    <message>
        <source>Take in the merged communes&apos; reports</source>
        <translation>Nhận báo cáo của các xã đã sáp nhập</translation>
    </message>
    <message>
        <source>Report files (*.qnbc)</source>
        <translation>Tệp báo cáo (*.qnbc)</translation>
    </message>
    <message>
        <source>Nothing taken in</source>
        <translation>Chưa nhận tệp nào</translation>
    </message>
    <message>
        <source>History taken in</source>
        <translation>Đã nhận lịch sử</translation>
    </message>
    <message>
        <source>{taken} report(s) taken in, {already} already here.</source>
        <translation>Đã nhận {taken} báo cáo, {already} báo cáo đã có từ trước.</translation>
    </message>
    <message>
        <source>Move the installation</source>
        <translation>Chuyển đơn vị sử dụng</translation>
    </message>
    <message>
        <source>Move {old} to {new} from {day}?

Reports from {day} on carry the new name and go to {recipient}. Reports of earlier months keep the old name, code and recipient.</source>
        <translation>Chuyển {old} sang {new} từ ngày {day}?

Các báo cáo từ ngày {day} mang tên mới và gửi {recipient}. Báo cáo của các tháng trước vẫn giữ tên, mã và nơi nhận cũ.</translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>Chưa chuyển</translation>
    </message>
</context>
<context>
    <name>VenueDialog</name>
    <message>
        <source>Open</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã đóng cửa</translation>
    </message>
    <message>
        <source>(no village)</source>
        <translation>(không thuộc bản nào)</translation>
    </message>
    <message>
        <source>New venue</source>
        <translation>Thêm địa điểm</translation>
    </message>
    <message>
        <source>Leave empty for {code}</source>
        <translation>Để trống để tự đặt mã {code}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>chưa in</translation>
    </message>
    <message>
        <source>Venue {code}</source>
        <translation>Địa điểm {code}</translation>
    </message>
    <message>
        <source>A venue&apos;s code never changes: printed posters carry it.</source>
        <translation>Mã địa điểm không bao giờ đổi: áp phích đã in mang mã này.</translation>
    </message>
    <message>
        <source>{count}, last on {date}</source>
        <translation>{count} áp phích, lần gần nhất ngày {date}</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Mã:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên địa điểm:</translation>
    </message>
    <message>
        <source>e.g. Chợ trung tâm xã</source>
        <translation>ví dụ: Chợ trung tâm xã</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>Loạ&amp;i:</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>&amp;Bản:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>Địa &amp;chỉ:</translation>
    </message>
    <message>
        <source>Con&amp;tact person:</source>
        <translation>Người liên &amp;hệ:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Điện th&amp;oại:</translation>
    </message>
    <message>
        <source>e.g. 0912 345 678 or 0212 3851 234</source>
        <translation>ví dụ: 0912 345 678 hoặc 0212 3851 234</translation>
    </message>
    <message>
        <source>National QR platform:</source>
        <translation>Nền tảng QR quốc gia:</translation>
    </message>
    <message>
        <source>&amp;Registered on</source>
        <translation>Đã đăng &amp;ký ngày</translation>
    </message>
    <message>
        <source>Registration date</source>
        <translation>Ngày đăng ký</translation>
    </message>
    <message>
        <source>&amp;Official QR content:</source>
        <translation>&amp;Nội dung mã QR chính thức:</translation>
    </message>
    <message>
        <source>Paste the content the national platform issued; leave empty to print the commune&apos;s local code</source>
        <translation>Dán nội dung do nền tảng quốc gia cấp; để trống thì in mã nội bộ của xã</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>Tình t&amp;rạng:</translation>
    </message>
    <message>
        <source>Posters printed:</source>
        <translation>Áp phích đã in:</translation>
    </message>
</context>
<context>
    <name>VenueTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên địa điểm</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Bản</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>Mã QR</translation>
    </message>
    <message>
        <source>Posters</source>
        <translation>Áp phích</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Chưa</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Đã đăng ký</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Nội bộ</translation>
    </message>
    <message>
        <source>{count} (last {date})</source>
        <translation>{count} (gần nhất {date})</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã đóng cửa</translation>
    </message>
</context>
<context>
    <name>VenuesPage</name>
    <message>
        <source>No venue to show. Press New venue… to add one, or Import… a list from Excel; if filters are set, choose “All”.</source>
        <translation>Không có địa điểm nào để hiện. Bấm Thêm địa điểm… để thêm, hoặc Nhập từ tệp… danh sách từ Excel; nếu đang lọc, hãy chọn “Tất cả”.</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>Tất cả các bản</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Tất cả các loại</translation>
    </message>
    <message>
        <source>Registered or not</source>
        <translation>Đã hay chưa đăng ký</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Đã đăng ký</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Chưa đăng ký</translation>
    </message>
    <message>
        <source>Open or closed</source>
        <translation>Mọi tình trạng</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã đóng cửa</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count}&lt;/b&gt; open venues</source>
        <translation>&lt;b&gt;{count}&lt;/b&gt; địa điểm đang hoạt động</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count}&lt;/b&gt; registered</source>
        <translation>&lt;b&gt;{count}&lt;/b&gt; đã đăng ký</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count}&lt;/b&gt; with official QR</source>
        <translation>&lt;b&gt;{count}&lt;/b&gt; có mã QR chính thức</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count}&lt;/b&gt; posters printed for {venues} venues</source>
        <translation>Đã in &lt;b&gt;{count}&lt;/b&gt; áp phích cho {venues} địa điểm</translation>
    </message>
    <message>
        <source>Import venues</source>
        <translation>Nhập danh sách địa điểm</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Bảng tính (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Row {row}: {message}</source>
        <translation>Dòng {row}: {message}</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>… và {count} dòng khác.</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Chưa nhập gì</translation>
    </message>
    <message>
        <source>Add the missing villages and import</source>
        <translation>Thêm các bản còn thiếu rồi nhập</translation>
    </message>
    <message>
        <source>{created} venue(s) added, {updated} updated.</source>
        <translation>Đã thêm {created} địa điểm, cập nhật {updated} địa điểm.</translation>
    </message>
    <message>
        <source>Villages added: {names}</source>
        <translation>Đã thêm các bản: {names}</translation>
    </message>
    <message>
        <source>Venues imported</source>
        <translation>Đã nhập danh sách địa điểm</translation>
    </message>
    <message>
        <source>Export venues</source>
        <translation>Xuất danh sách địa điểm</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Tệp Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Không xuất được</translation>
    </message>
    <message>
        <source>Venues exported</source>
        <translation>Đã xuất danh sách địa điểm</translation>
    </message>
    <message>
        <source>{count} venues written to {path}.</source>
        <translation>Đã ghi {count} địa điểm vào {path}.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Venues &amp;amp; QR codes&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Địa điểm &amp;amp; mã QR&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Search venues</source>
        <translation>Tìm địa điểm</translation>
    </message>
    <message>
        <source>Search: name, code or phone; accents optional</source>
        <translation>Tìm tên, mã, số điện thoại (không cần dấu)</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Bản</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Registered on the national platform</source>
        <translation>Đã đăng ký trên nền tảng quốc gia</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>Danh sách địa điểm</translation>
    </message>
    <message>
        <source>&amp;New venue…</source>
        <translation>&amp;Thêm địa điểm…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Print QR posters…</source>
        <translation>&amp;In áp phích mã QR…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Nhập từ tệp…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Xuất ra tệp…</translation>
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
        <source>The form “{text}” could be {choices}.</source>
        <translation>Hình thức “{text}” có thể là {choices}.</translation>
    </message>
    <message>
        <source>The topic “{text}” could be {choices}.</source>
        <translation>Nội dung “{text}” có thể là {choices}.</translation>
    </message>
    <message>
        <source>Unknown form “{text}”; write one of {choices}.</source>
        <translation>Không có hình thức “{text}”; hãy ghi một trong các hình thức: {choices}.</translation>
    </message>
    <message>
        <source>Unknown topic “{text}”; write one of {choices}.</source>
        <translation>Không có nội dung “{text}”; hãy ghi một trong các nội dung: {choices}.</translation>
    </message>
    <message>
        <source>This row is of the campaign “{text}”, not of “{campaign}” being imported into. Import each campaign&apos;s rows with its own --campaign.</source>
        <translation>Dòng này thuộc đợt “{text}”, không thuộc đợt “{campaign}” đang nhập. Hãy nhập các dòng của từng đợt với --campaign của đợt đó.</translation>
    </message>
    <message>
        <source>The column “{column}” is not counted in the campaign “{campaign}” of this row: leave it empty.</source>
        <translation>Cột “{column}” không được thống kê trong đợt “{campaign}” của dòng này: hãy để trống.</translation>
    </message>
    <message>
        <source>“{indicator}”: “{text}” is not a whole number of 0 or more.</source>
        <translation>“{indicator}”: “{text}” không phải là số nguyên từ 0 trở lên.</translation>
    </message>
    <message>
        <source>Several campaigns are running: write this row&apos;s campaign in the column “Đợt”. Campaigns: {known}.</source>
        <translation>Đang có nhiều đợt tuyên truyền cùng diễn ra: hãy ghi đợt của dòng này vào cột “Đợt”. Các đợt: {known}.</translation>
    </message>
    <message>
        <source>There is no campaign “{text}”: write one of {known} in the column “Đợt”.</source>
        <translation>Không có đợt tuyên truyền “{text}”: hãy ghi một trong các đợt {known} vào cột “Đợt”.</translation>
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
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>cách dùng: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>tham số bắt buộc</translation>
    </message>
    <message>
        <source>options</source>
        <translation>tùy chọn</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>hiện hướng dẫn này rồi thoát</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: lỗi: %(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>tham số %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>còn thiếu các tham số bắt buộc: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>cần một trong các tham số %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>không dùng cùng với tham số %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>tham số không hợp lệ: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>giá trị không hợp lệ (%(type)s): %(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>tùy chọn chưa rõ: %(option)s có thể là %(matches)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>cần một giá trị</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>chỉ được tối đa một giá trị</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>cần ít nhất một giá trị</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>cần %s giá trị</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>cần %s giá trị</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>không nhận giá trị %r</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>automatic</source>
        <translation>tự động</translation>
    </message>
    <message>
        <source>made on request</source>
        <translation>theo yêu cầu</translation>
    </message>
    <message>
        <source>before a data upgrade</source>
        <translation>trước khi nâng cấp dữ liệu</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>trước khi khôi phục</translation>
    </message>
    <message>
        <source>The backup did not pass its check ({problem}); it was not kept. Run &apos;quynhnhai check&apos; and call the district IT staff.</source>
        <translation>Bản sao lưu không đạt khi kiểm tra ({problem}) nên không được giữ lại. Hãy chạy &apos;quynhnhai check&apos; và gọi cán bộ công nghệ thông tin của huyện.</translation>
    </message>
    <message>
        <source>The backup could not be made: {reason}.</source>
        <translation>Không sao lưu được: {reason}.</translation>
    </message>
    <message>
        <source>The backup could not be written to {folder}: {reason}. Check that the drive is plugged in, not full and not write-protected.</source>
        <translation>Không ghi được bản sao lưu vào {folder}: {reason}. Hãy kiểm tra ổ đĩa đã cắm chắc, còn chỗ trống và không bị khóa ghi.</translation>
    </message>
    <message>
        <source>“{name}” is not a backup of this app (it is not a database file). Nothing was changed.</source>
        <translation>“{name}” không phải là bản sao lưu của chương trình này (không phải tệp cơ sở dữ liệu). Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The backup “{name}” is damaged ({problem}) and cannot be restored. Nothing was changed; try an older backup.</source>
        <translation>Bản sao lưu “{name}” bị hỏng ({problem}) nên không khôi phục được. Không có gì thay đổi; hãy thử một bản sao lưu cũ hơn.</translation>
    </message>
    <message>
        <source>“{name}” is a database, but not one made by this app. Nothing was changed.</source>
        <translation>“{name}” là một cơ sở dữ liệu nhưng không phải do chương trình này tạo ra. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The backup “{name}” was made by a newer version of the app (schema {revision}). Install that version to restore it. Nothing was changed.</source>
        <translation>Bản sao lưu “{name}” do phiên bản mới hơn của chương trình tạo ra (lược đồ {revision}). Hãy cài phiên bản đó để khôi phục. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The backup “{name}” holds no set-up commune or district: there is nothing to restore. Nothing was changed.</source>
        <translation>Bản sao lưu “{name}” chưa có xã hay huyện nào được thiết lập: không có gì để khôi phục. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The file “{name}” cannot be read: {reason}. Nothing was changed.</source>
        <translation>Tệp “{name}” không đọc được: {reason}. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The data is in use by another program (a command-line window?). Close it and restore again. The data was not replaced.</source>
        <translation>Dữ liệu đang được một chương trình khác sử dụng (một cửa sổ dòng lệnh?). Hãy đóng chương trình đó rồi khôi phục lại. Dữ liệu chưa bị thay thế.</translation>
    </message>
</context>
<context>
    <name>campaigns</name>
    <message>
        <source>There is no campaign “{id}”. Known campaigns: {known}.</source>
        <translation>Không có đợt tuyên truyền “{id}”. Các đợt đã có: {known}.</translation>
    </message>
    <message>
        <source>Several campaigns are running: say which with --campaign ID. Campaigns: {known}.</source>
        <translation>Đang có nhiều đợt tuyên truyền cùng diễn ra: hãy chọn một đợt bằng --campaign ID. Các đợt: {known}.</translation>
    </message>
    <message>
        <source>This is not a campaign file, or it is damaged (copy it again).</source>
        <translation>Đây không phải tệp đợt tuyên truyền, hoặc tệp đã bị hỏng (hãy chép lại).</translation>
    </message>
    <message>
        <source>Cannot read “{path}”: {reason}</source>
        <translation>Không đọc được “{path}”: {reason}</translation>
    </message>
    <message>
        <source>The file is too large to be a campaign.</source>
        <translation>Tệp quá lớn, không phải tệp đợt tuyên truyền.</translation>
    </message>
    <message>
        <source>The signature does not match: the file was changed after it was signed. Ask the upper level for the file again.</source>
        <translation>Chữ ký không khớp: tệp đã bị sửa sau khi ký. Hãy xin cấp trên gửi lại tệp.</translation>
    </message>
    <message>
        <source>The campaign does not match its checksum: the file was changed.</source>
        <translation>Nội dung đợt tuyên truyền không khớp mã kiểm tra: tệp đã bị sửa.</translation>
    </message>
    <message>
        <source>The campaign&apos;s code is written in small Latin letters, digits and “-”, starting with a letter (e.g. digital-2026).</source>
        <translation>Mã đợt viết bằng chữ Latinh thường không dấu, chữ số và “-”, bắt đầu bằng một chữ cái (ví dụ digital-2026).</translation>
    </message>
    <message>
        <source>The campaign is not valid: {detail}</source>
        <translation>Đợt tuyên truyền không hợp lệ: {detail}</translation>
    </message>
    <message>
        <source>The campaign is too large to send.</source>
        <translation>Đợt tuyên truyền quá lớn, không gửi được.</translation>
    </message>
    <message>
        <source>Campaign “{id}” already has version {version}: save the change as version {next}.</source>
        <translation>Đợt “{id}” đã có phiên bản {version}: hãy lưu thay đổi thành phiên bản {next}.</translation>
    </message>
    <message>
        <source>This campaign file was signed by another key ({fingerprint}) than the upper level&apos;s you trust. Nothing was imported; ask the district office.</source>
        <translation>Tệp đợt tuyên truyền này được ký bằng một khóa khác ({fingerprint}), không phải khóa của cấp trên mà máy đã tin cậy. Chưa nhập gì; hãy hỏi lại phòng chuyên môn của huyện.</translation>
    </message>
    <message>
        <source>The upper level&apos;s key {fingerprint} is not trusted yet: compare it with the district office by phone, then import again with --yes. Nothing was imported.</source>
        <translation>Khóa của cấp trên {fingerprint} chưa được tin cậy: hãy gọi điện đối chiếu với phòng chuyên môn của huyện, rồi nhập lại với --yes. Chưa nhập gì.</translation>
    </message>
    <message>
        <source>No upper level&apos;s key is trusted yet: import the campaign file instead. Nothing was changed.</source>
        <translation>Chưa tin khóa nào của cấp trên: hãy nhập tệp đợt tuyên truyền. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>This file is signed by the key already trusted ({fingerprint}): there is nothing to replace. Import it instead.</source>
        <translation>Tệp này được ký bằng khóa đang tin ({fingerprint}): không có gì để thay. Hãy nhập tệp.</translation>
    </message>
    <message>
        <source>The trusted key {old} would be replaced by {new}. Compare the new fingerprint with the district office by phone, then run again with --yes. Nothing was changed.</source>
        <translation>Khóa đang tin {old} sẽ được thay bằng {new}. Hãy gọi điện so dấu vân tay mới với phòng của huyện, rồi chạy lại với --yes. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Campaign “{id}” no longer has the code(s) {codes}, which reports have already used. A used code can be renamed in words or retired, never changed or removed: keep it, and tick “Retired” if it is no longer wanted.</source>
        <translation>Đợt “{id}” không còn mã {codes}, trong khi các báo cáo đã dùng mã này. Mã đã dùng chỉ được đổi tên gọi hoặc ngừng sử dụng, không được đổi mã hay xóa: hãy giữ lại mã và đánh dấu “Ngừng sử dụng” nếu không cần nữa.</translation>
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
        <source>Show the version number and exit</source>
        <translation>Hiện số phiên bản rồi thoát</translation>
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
        <source>Who signs the reports and to whom they go</source>
        <translation>Người ký báo cáo và nơi nhận báo cáo</translation>
    </message>
    <message>
        <source>Change the signer, the recipient or &quot;Nơi nhận&quot;</source>
        <translation>Sửa người ký, nơi nhận báo cáo hoặc &quot;Nơi nhận&quot;</translation>
    </message>
    <message>
        <source>The line above the title, e.g. &apos;TM. ỦY BAN NHÂN DÂN&apos;</source>
        <translation>Dòng trên chức danh, ví dụ: &apos;TM. ỦY BAN NHÂN DÂN&apos;</translation>
    </message>
    <message>
        <source>Who receives the reports (after &apos;Kính gửi&apos;)</source>
        <translation>Nơi nhận báo cáo (sau &apos;Kính gửi&apos;)</translation>
    </message>
    <message>
        <source>One line of &quot;Nơi nhận&quot; (repeat for each line)</source>
        <translation>Một dòng của &quot;Nơi nhận&quot; (lặp lại cho mỗi dòng)</translation>
    </message>
    <message>
        <source>The office that issues the consolidated report (&apos;&apos; for the usual one)</source>
        <translation>Cơ quan ban hành báo cáo tổng hợp (&apos;&apos; để dùng cơ quan mặc định)</translation>
    </message>
    <message>
        <source>Move a 2021 commune to the commune it was merged into (1/7/2025)</source>
        <translation>Chuyển một xã cũ sang xã mới mà xã đó được sáp nhập vào (từ 01/07/2025)</translation>
    </message>
    <message>
        <source>The new unit&apos;s code</source>
        <translation>Mã đơn vị mới</translation>
    </message>
    <message>
        <source>The day the new unit starts, e.g. 01/07/2025</source>
        <translation>Ngày đơn vị mới bắt đầu, ví dụ 01/07/2025</translation>
    </message>
    <message>
        <source>Move now (without it: only show what would change)</source>
        <translation>Chuyển ngay (không có: chỉ cho xem những gì sẽ thay đổi)</translation>
    </message>
    <message>
        <source>Take in the reports of the other communes merged into this one</source>
        <translation>Nhận báo cáo của các xã khác đã sáp nhập vào xã này</translation>
    </message>
    <message>
        <source>Their report files (.qnbc)</source>
        <translation>Các tệp báo cáo của họ (.qnbc)</translation>
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
        <source>Issuing body of the consolidated report: {body}</source>
        <translation>Cơ quan ban hành báo cáo tổng hợp: {body}</translation>
    </message>
    <message>
        <source>Nothing to change: give --signer-name, --signer-title, --signature-line, --recipient, --copies-to or --issuing-body.</source>
        <translation>Không có gì để sửa: hãy ghi --signer-name, --signer-title, --signature-line, --recipient, --copies-to hoặc --issuing-body.</translation>
    </message>
    <message>
        <source>Print the unit, the signer and the key fingerprint (to read to the district)</source>
        <translation>In đơn vị, người ký và mã nhận dạng khóa (để đọc cho huyện)</translation>
    </message>
    <message>
        <source>Unit code from the unit list, e.g. 03703 (any level)</source>
        <translation>Mã đơn vị trong danh mục, ví dụ 03703 (cấp bất kỳ)</translation>
    </message>
    <message>
        <source>The date the unit code is read on (codes were reused in 2025); default today</source>
        <translation>Ngày dùng để tra mã đơn vị (mã được dùng lại từ năm 2025); mặc định là hôm nay</translation>
    </message>
    <message>
        <source>Also check every index entry and the monthly sums (slower: minutes)</source>
        <translation>Kiểm tra cả từng mục chỉ mục và các tổng theo tháng (chậm hơn: vài phút)</translation>
    </message>
    <message>
        <source>Set up: {unit} ({code}). Reports go to: {recipient}.</source>
        <translation>Đã thiết lập: {unit} ({code}). Báo cáo gửi: {recipient}.</translation>
    </message>
    <message>
        <source>Kính gửi (recipient)</source>
        <translation>Kính gửi</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Dòng ký</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Nơi nhận (copies to):</source>
        <translation>Nơi nhận:</translation>
    </message>
    <message>
        <source>Saved. The next report (and revision) uses:</source>
        <translation>Đã lưu. Báo cáo (và lần gửi) tiếp theo dùng:</translation>
    </message>
    <message>
        <source>Would move {old} to {new} from {day}; reports from then on go to: {recipient}. Earlier months keep the old name. Add --yes to move.</source>
        <translation>Sẽ chuyển {old} sang {new} từ ngày {day}; báo cáo từ ngày đó gửi: {recipient}. Các tháng trước giữ tên cũ. Thêm --yes để chuyển.</translation>
    </message>
    <message>
        <source>Moved: {old} is now {new} from {day}. Reports from then on go to: {recipient}.</source>
        <translation>Đã chuyển: {old} nay là {new} từ ngày {day}. Báo cáo từ ngày đó gửi: {recipient}.</translation>
    </message>
    <message>
        <source>Taken in: {unit}, {period} r{revision}, {activities} activities.</source>
        <translation>Đã nhận: {unit}, kỳ {period} lần {revision}, {activities} hoạt động.</translation>
    </message>
    <message>
        <source>Already here: {unit}, {period} r{revision}.</source>
        <translation>Đã có từ trước: {unit}, kỳ {period} lần {revision}.</translation>
    </message>
    <message>
        <source>They are shown under their old names and do not count in this commune&apos;s months.</source>
        <translation>Các báo cáo này hiển thị dưới tên cũ và không tính vào số liệu các tháng của xã.</translation>
    </message>
    <message>
        <source>Demo data added: {activities} activities from {first} to {last}, {villages} villages, {teams} teams, {venues} venues.</source>
        <translation>Đã nạp dữ liệu mẫu: {activities} hoạt động từ {first} đến {last}, {villages} bản, {teams} lực lượng, {venues} địa điểm.</translation>
    </message>
    <message>
        <source>Checking… {percent}%</source>
        <translation>Đang kiểm tra… {percent}%</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Cơ sở dữ liệu: {path}</translation>
    </message>
    <message>
        <source>Earlier: {unit}, reports went to: {recipient}</source>
        <translation>Trước đây: {unit}, báo cáo gửi: {recipient}</translation>
    </message>
    <message>
        <source>History taken in: {unit}, {period} r{revision}, {activities} activities.</source>
        <translation>Lịch sử đã nhận: {unit}, kỳ {period} lần {revision}, {activities} hoạt động.</translation>
    </message>
    <message>
        <source>Signing key fingerprint: {fingerprint}</source>
        <translation>Mã nhận dạng khóa ký: {fingerprint}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>Read it out to the district when they enrol your key; it is also printed at the foot of page 1 of the monthly report.</source>
        <translation>Hãy đọc mã này cho huyện khi huyện xác nhận khóa của xã; mã cũng được in ở chân trang 1 của báo cáo tháng.</translation>
    </message>
    <message>
        <source>Back up the data, list backups, restore one</source>
        <translation>Sao lưu dữ liệu, xem danh sách bản sao lưu, khôi phục</translation>
    </message>
    <message>
        <source>Make a checked copy of the database</source>
        <translation>Tạo một bản sao đã kiểm tra của cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Where to write it (a file or a folder, e.g. a USB stick); default: backups</source>
        <translation>Nơi ghi (một tệp hoặc thư mục, ví dụ USB); mặc định: thư mục sao lưu</translation>
    </message>
    <message>
        <source>List the automatic backups in the data folder</source>
        <translation>Liệt kê các bản sao lưu tự động trong thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Replace the data with a backup (asks first)</source>
        <translation>Thay dữ liệu bằng một bản sao lưu (có hỏi trước)</translation>
    </message>
    <message>
        <source>The backup file</source>
        <translation>Tệp sao lưu</translation>
    </message>
    <message>
        <source>Do not ask (for scripts)</source>
        <translation>Không hỏi (dùng cho tập lệnh)</translation>
    </message>
    <message>
        <source>Unit: {unit}</source>
        <translation>Đơn vị: {unit}</translation>
    </message>
    <message>
        <source>Activities: {activities}, from {first} to {last}</source>
        <translation>Hoạt động: {activities}, từ {first} đến {last}</translation>
    </message>
    <message>
        <source>Activities: none</source>
        <translation>Hoạt động: không có</translation>
    </message>
    <message>
        <source>Villages {villages}, teams {teams}, venues {venues}</source>
        <translation>Bản {villages}, lực lượng {teams}, địa điểm {venues}</translation>
    </message>
    <message>
        <source>Last change: {when}</source>
        <translation>Sửa lần cuối: {when}</translation>
    </message>
    <message>
        <source>Made by an older version (schema {revision}): it will be upgraded.</source>
        <translation>Do phiên bản cũ hơn tạo ra (lược đồ {revision}): dữ liệu sẽ được nâng cấp.</translation>
    </message>
    <message>
        <source>Backing up… {percent}%</source>
        <translation>Đang sao lưu… {percent}%</translation>
    </message>
    <message>
        <source>Backup written and checked: {path} ({size})</source>
        <translation>Đã sao lưu và kiểm tra: {path} ({size})</translation>
    </message>
    <message>
        <source>No backups yet in {folder}.</source>
        <translation>Chưa có bản sao lưu nào trong {folder}.</translation>
    </message>
    <message>
        <source>Backups in {folder}:</source>
        <translation>Các bản sao lưu trong {folder}:</translation>
    </message>
    <message>
        <source>Restoring replaces the current data. Without a terminal to ask on, add --yes to confirm. Nothing was changed.</source>
        <translation>Khôi phục sẽ thay thế dữ liệu hiện tại. Khi chạy không có màn hình dòng lệnh để hỏi, hãy thêm --yes để xác nhận. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Replace the current data with this backup? The current data is saved first. [y/N] </source>
        <translation>Thay dữ liệu hiện tại bằng bản sao lưu này? Dữ liệu hiện tại sẽ được sao lưu trước. [c/K] </translation>
    </message>
    <message>
        <source>Backup: {file} ({size})</source>
        <translation>Bản sao lưu: {file} ({size})</translation>
    </message>
    <message>
        <source>Not restored; nothing was changed.</source>
        <translation>Chưa khôi phục; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Restored: {unit}.</source>
        <translation>Đã khôi phục: {unit}.</translation>
    </message>
    <message>
        <source>The data it replaced was saved as {path}</source>
        <translation>Dữ liệu bị thay thế đã được lưu thành {path}</translation>
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
        <source>The app window is open on this data folder ({folder}). Close it first, then run the command again.</source>
        <translation>Cửa sổ chương trình đang mở với thư mục dữ liệu này ({folder}). Hãy đóng cửa sổ đó trước rồi chạy lại lệnh.</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>Lỗi: {message}</translation>
    </message>
    <message>
        <source>Row {rows}: {message}</source>
        <translation>Dòng {rows}: {message}</translation>
    </message>
    <message>
        <source>Rows {rows} ({count} rows): {message}</source>
        <translation>Các dòng {rows} ({count} dòng): {message}</translation>
    </message>
    <message>
        <source>Make the report to the district</source>
        <translation>Lập báo cáo gửi huyện</translation>
    </message>
    <message>
        <source>The monthly report</source>
        <translation>Báo cáo tháng</translation>
    </message>
    <message>
        <source>The campaign (default: the only one running)</source>
        <translation>Đợt tuyên truyền (mặc định: đợt duy nhất đang diễn ra)</translation>
    </message>
    <message>
        <source>Which month</source>
        <translation>Tháng báo cáo</translation>
    </message>
    <message>
        <source>calendar: 1st to last day; statistical: 15th to 14th (Decree 09/2019)</source>
        <translation>calendar: từ ngày 1 đến cuối tháng; statistical: từ ngày 15 tháng trước đến ngày 14 (Nghị định 09/2019)</translation>
    </message>
    <message>
        <source>The consolidated report of the units reporting here (district, province)</source>
        <translation>Báo cáo tổng hợp của các đơn vị báo cáo về đây (huyện, tỉnh)</translation>
    </message>
    <message>
        <source>A report for any range of days</source>
        <translation>Báo cáo cho một khoảng ngày bất kỳ</translation>
    </message>
    <message>
        <source>First day, YYYY-MM-DD or DD/MM/YYYY</source>
        <translation>Ngày đầu, dạng YYYY-MM-DD hoặc DD/MM/YYYY</translation>
    </message>
    <message>
        <source>Last day, YYYY-MM-DD or DD/MM/YYYY</source>
        <translation>Ngày cuối, dạng YYYY-MM-DD hoặc DD/MM/YYYY</translation>
    </message>
    <message>
        <source>Write the PDF here</source>
        <translation>Ghi tệp PDF vào đây</translation>
    </message>
    <message>
        <source>Write the Excel copy here</source>
        <translation>Ghi bản Excel vào đây</translation>
    </message>
    <message>
        <source>Enrolled key: {fingerprint}</source>
        <translation>Khóa đã xác nhận: {fingerprint}</translation>
    </message>
    <message>
        <source>New key:      {fingerprint}</source>
        <translation>Khóa mới:         {fingerprint}</translation>
    </message>
    <message>
        <source>{count} counted report(s) signed with the enrolled key will be withdrawn (kept on record, out of the totals).</source>
        <translation>{count} báo cáo đang được tính, ký bằng khóa đã xác nhận, sẽ bị rút (vẫn lưu lại, không tính vào số tổng hợp).</translation>
    </message>
    <message>
        <source>Has the commune read you the new fingerprint by phone? Replace the key of {commune}?</source>
        <translation>Xã đã đọc mã nhận dạng khóa mới qua điện thoại chưa? Thay khóa của {commune}?</translation>
    </message>
    <message>
        <source>The key was not replaced; nothing was changed.</source>
        <translation>Chưa thay khóa; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Withdrawn: {count} report(s) signed with the old key.</source>
        <translation>Đã rút: {count} báo cáo ký bằng khóa cũ.</translation>
    </message>
    <message>
        <source>Withdrawn: {commune}, {month}, campaign “{title}”, revision(s) {revisions}. Kept on record.</source>
        <translation>Đã rút: {commune}, tháng {month}, đợt “{title}”, lần gửi {revisions}. Báo cáo vẫn được lưu lại.</translation>
    </message>
    <message>
        <source>Withdrawn: {commune}, {month}, revision(s) {revisions}. Kept on record.</source>
        <translation>Đã rút: {commune}, tháng {month}, lần gửi {revisions}. Báo cáo vẫn được lưu lại.</translation>
    </message>
    <message>
        <source>signed with the replaced key {fingerprint}</source>
        <translation>ký bằng khóa đã thay {fingerprint}</translation>
    </message>
    <message>
        <source>PDF saved: {path}</source>
        <translation>Đã lưu PDF: {path}</translation>
    </message>
    <message>
        <source>Excel copy saved: {path}</source>
        <translation>Đã lưu bản Excel: {path}</translation>
    </message>
    <message>
        <source>Report packages (.qnbc files)</source>
        <translation>Tệp báo cáo (.qnbc)</translation>
    </message>
    <message>
        <source>Write this commune&apos;s report file (for the district)</source>
        <translation>Ghi tệp báo cáo của xã (để gửi huyện)</translation>
    </message>
    <message>
        <source>Import communes&apos; report files (district)</source>
        <translation>Nhập tệp báo cáo của các xã (cấp huyện)</translation>
    </message>
    <message>
        <source>District: who has reported</source>
        <translation>Cấp huyện: xã nào đã báo cáo</translation>
    </message>
    <message>
        <source>Which communes have reported for a month</source>
        <translation>Các xã đã báo cáo trong một tháng</translation>
    </message>
    <message>
        <source>Trust a commune&apos;s key after comparing its fingerprint (from its file)</source>
        <translation>Tin cậy khóa của một xã sau khi đối chiếu mã nhận dạng (lấy từ tệp của xã)</translation>
    </message>
    <message>
        <source>Trust the new key of a reinstalled commune PC (from its file)</source>
        <translation>Tin cậy khóa mới của máy xã đã cài lại (lấy từ tệp của xã)</translation>
    </message>
    <message>
        <source>Take a commune&apos;s report out of the totals (kept on record)</source>
        <translation>Đưa báo cáo của một xã ra khỏi số tổng hợp (vẫn lưu lại)</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>The consolidated report of the communes (PDF, Excel)</source>
        <translation>Báo cáo tổng hợp của các xã (PDF, Excel)</translation>
    </message>
    <message>
        <source>Nothing changed since revision {revision}: {path} (checked).</source>
        <translation>Không có thay đổi từ lần gửi {revision}: {path} (đã kiểm tra).</translation>
    </message>
    <message>
        <source>Written and checked: {path} (revision {revision}).</source>
        <translation>Đã ghi và kiểm tra: {path} (lần gửi {revision}).</translation>
    </message>
    <message>
        <source>Signing key: {fingerprint}</source>
        <translation>Khóa ký: {fingerprint}</translation>
    </message>
    <message>
        <source>A file waiting for enrolment counts nowhere yet. Call the commune and compare the fingerprint above with the one printed on page 1 of its report (or in its Settings); if they are the same, run: quynhnhai district enrol FILE</source>
        <translation>Tệp chờ xác nhận khóa chưa được tính ở đâu. Hãy gọi điện cho xã, đối chiếu mã nhận dạng khóa ở trên với mã in ở trang 1 báo cáo của xã (hoặc trong mục Cài đặt của xã); nếu giống nhau, hãy chạy: quynhnhai district enrol TỆP</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>đã nhập</translation>
    </message>
    <message>
        <source>imported, replaces the earlier revision</source>
        <translation>đã nhập, thay cho lần gửi trước</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>đã nhập trước đó</translation>
    </message>
    <message>
        <source>older revision, kept in the history</source>
        <translation>lần gửi cũ hơn, được lưu trong lịch sử</translation>
    </message>
    <message>
        <source>this file was withdrawn, it does not count (ask for a new revision)</source>
        <translation>tệp này đã bị rút, không được tính (hãy đề nghị xã gửi lần mới)</translation>
    </message>
    <message>
        <source>REFUSED: {reason}</source>
        <translation>BỊ TỪ CHỐI: {reason}</translation>
    </message>
    <message>
        <source>No report files (.qnbc) found.</source>
        <translation>Không tìm thấy tệp báo cáo (.qnbc) nào.</translation>
    </message>
    <message>
        <source>{ok} of {total} file(s) imported or already there.</source>
        <translation>{ok}/{total} tệp đã nhập hoặc đã có.</translation>
    </message>
    <message>
        <source>{commune} r{revision}: WAITING FOR ENROLMENT of key {fingerprint}</source>
        <translation>{commune} r{revision}: CHỜ XÁC NHẬN KHÓA {fingerprint}</translation>
    </message>
    <message>
        <source>This trusts a key for a commune. Without a terminal to ask on, add --yes to confirm (after comparing the fingerprint with the commune). Nothing was changed.</source>
        <translation>Lệnh này tin cậy một khóa cho một xã. Không có cửa sổ dòng lệnh để hỏi, hãy thêm --yes để xác nhận (sau khi đã đối chiếu mã nhận dạng khóa với xã). Chưa có gì thay đổi.</translation>
    </message>
    <message>
        <source>File: {file}</source>
        <translation>Tệp: {file}</translation>
    </message>
    <message>
        <source>Commune: {code} {name}</source>
        <translation>Xã: {code} {name}</translation>
    </message>
    <message>
        <source>Key fingerprint: {fingerprint}</source>
        <translation>Mã nhận dạng khóa: {fingerprint}</translation>
    </message>
    <message>
        <source>Is this the fingerprint the commune reads out to you (page 1 of its report, or its Settings)? Enrol this key for {commune}?</source>
        <translation>Đây có đúng là mã mà xã đọc cho anh/chị (trang 1 báo cáo, hoặc mục Cài đặt của xã) không? Xác nhận khóa này cho {commune}?</translation>
    </message>
    <message>
        <source>Not enrolled; nothing was changed.</source>
        <translation>Chưa xác nhận; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Campaign: {title} ({id})</source>
        <translation>Đợt: {title} ({id})</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>đúng hạn</translation>
    </message>
    <message>
        <source>late</source>
        <translation>muộn</translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation>CHƯA NỘP</translation>
    </message>
    <message>
        <source>revised</source>
        <translation>đã gửi lại</translation>
    </message>
    <message>
        <source>WITHDRAWN</source>
        <translation>ĐÃ RÚT</translation>
    </message>
    <message>
        <source>not yet a unit</source>
        <translation>chưa thành lập</translation>
    </message>
    <message>
        <source>{count} file(s) waiting for enrolment (not counted)</source>
        <translation>{count} tệp chờ xác nhận khóa (chưa được tính)</translation>
    </message>
    <message>
        <source>Reported: {received}/{total}</source>
        <translation>Đã báo cáo: {received}/{total}</translation>
    </message>
    <message>
        <source>From now on {commune} is trusted with key {fingerprint}.</source>
        <translation>Từ nay {commune} được tin cậy với khóa {fingerprint}.</translation>
    </message>
    <message>
        <source>The venue register</source>
        <translation>Danh sách địa điểm</translation>
    </message>
    <message>
        <source>Import venues from a .csv or .xlsx file</source>
        <translation>Nhập địa điểm từ tệp .csv hoặc .xlsx</translation>
    </message>
    <message>
        <source>Add villages the list does not have yet</source>
        <translation>Thêm các bản chưa có trong danh mục</translation>
    </message>
    <message>
        <source>Export every venue to a .csv or .xlsx file</source>
        <translation>Xuất mọi địa điểm ra tệp .csv hoặc .xlsx</translation>
    </message>
    <message>
        <source>List the venues</source>
        <translation>Liệt kê các địa điểm</translation>
    </message>
    <message>
        <source>Only venues matching this text</source>
        <translation>Chỉ các địa điểm khớp với nội dung này</translation>
    </message>
    <message>
        <source>QR-code posters for the venues</source>
        <translation>Áp phích mã QR cho các địa điểm</translation>
    </message>
    <message>
        <source>Make a checked PDF of QR posters</source>
        <translation>Tạo tệp PDF áp phích mã QR đã kiểm tra</translation>
    </message>
    <message>
        <source>Only these venues (default: every open venue)</source>
        <translation>Chỉ các địa điểm này (mặc định: mọi địa điểm đang hoạt động)</translation>
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
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Total: {count} activities; {counts}</source>
        <translation>Tổng: {count} hoạt động; {counts}</translation>
    </message>
    <message>
        <source>Villages added: {names}</source>
        <translation>Đã thêm các bản: {names}</translation>
    </message>
    <message>
        <source>Venues imported: {created} new, {updated} updated.</source>
        <translation>Đã nhập địa điểm: {created} mới, {updated} cập nhật.</translation>
    </message>
    <message>
        <source>{count} venues written to {path}.</source>
        <translation>Đã ghi {count} địa điểm vào {path}.</translation>
    </message>
    <message>
        <source>official QR</source>
        <translation>mã QR chính thức</translation>
    </message>
    <message>
        <source>local QR</source>
        <translation>mã QR nội bộ</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>đã đóng cửa</translation>
    </message>
    <message>
        <source>{count} posters</source>
        <translation>{count} áp phích</translation>
    </message>
    <message>
        <source>{total} open venues, {registered} registered, {official} with official QR, {posters} posters printed.</source>
        <translation>{total} địa điểm đang hoạt động, {registered} đã đăng ký, {official} có mã QR chính thức, đã in {posters} áp phích.</translation>
    </message>
    <message>
        <source>{count} posters ({pages} pages, {local} with the commune&apos;s local code) saved to {path}; every QR code was decoded and checked.</source>
        <translation>Đã lưu {count} áp phích ({pages} trang, {local} mã nội bộ của xã) vào {path}; mọi mã QR đều đã được quét thử và đúng.</translation>
    </message>
    <message>
        <source>Outreach campaigns: list, show, export, import</source>
        <translation>Các đợt tuyên truyền: xem danh sách, xem chi tiết, xuất, nhập</translation>
    </message>
    <message>
        <source>The campaigns this installation knows</source>
        <translation>Các đợt tuyên truyền máy này đã có</translation>
    </message>
    <message>
        <source>A campaign&apos;s directive and forms</source>
        <translation>Văn bản chỉ đạo và các hình thức của một đợt</translation>
    </message>
    <message>
        <source>Add a campaign written as a .json file (upper level)</source>
        <translation>Thêm một đợt tuyên truyền soạn sẵn trong tệp .json (cấp trên)</translation>
    </message>
    <message>
        <source>Write a signed campaign file (.qncampaign)</source>
        <translation>Ghi tệp đợt tuyên truyền có chữ ký (.qncampaign)</translation>
    </message>
    <message>
        <source>Import a signed campaign file from the upper level</source>
        <translation>Nhập tệp đợt tuyên truyền có chữ ký của cấp trên</translation>
    </message>
    <message>
        <source>Trust the signer&apos;s key (after comparing its fingerprint)</source>
        <translation>Tin cậy khóa của người ký (sau khi đã đối chiếu dấu vân tay)</translation>
    </message>
    <message>
        <source>Trust the upper level&apos;s new key (after comparing its fingerprint)</source>
        <translation>Tin khóa mới của cấp trên (sau khi so dấu vân tay)</translation>
    </message>
    <message>
        <source>Replace the key (after comparing its fingerprint)</source>
        <translation>Thay khóa (sau khi so dấu vân tay)</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>chưa có ngày kết thúc</translation>
    </message>
    <message>
        <source>Topics: {topics}</source>
        <translation>Nội dung: {topics}</translation>
    </message>
    <message>
        <source>Campaign {id} version {version} added.</source>
        <translation>Đã thêm đợt {id}, phiên bản {version}.</translation>
    </message>
    <message>
        <source>Campaign {id} version {version} written to {file}.</source>
        <translation>Đã ghi đợt {id}, phiên bản {version} vào {file}.</translation>
    </message>
    <message>
        <source>Key fingerprint to read out to the communes: {fingerprint}</source>
        <translation>Dấu vân tay của khóa để đọc cho các xã đối chiếu: {fingerprint}</translation>
    </message>
    <message>
        <source>Signed by the key {fingerprint}</source>
        <translation>Ký bằng khóa {fingerprint}</translation>
    </message>
    <message>
        <source>Campaign {id} version {version} imported: {title}.</source>
        <translation>Đã nhập đợt {id}, phiên bản {version}: {title}.</translation>
    </message>
    <message>
        <source>Campaign {id} version {version} was already here: nothing changed.</source>
        <translation>Đợt {id}, phiên bản {version} đã có trên máy: không thay đổi gì.</translation>
    </message>
    <message>
        <source>Trusted key: {fingerprint}</source>
        <translation>Khóa đang tin: {fingerprint}</translation>
    </message>
    <message>
        <source>New key:     {fingerprint}</source>
        <translation>Khóa mới:      {fingerprint}</translation>
    </message>
    <message>
        <source>The upper level&apos;s key was replaced; campaign {id} version {version} is here.</source>
        <translation>Đã thay khóa của cấp trên; đợt {id} phiên bản {version} đã có trên máy.</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <source>The data folder {folder} cannot be written: this user has no write access to it, or the drive is read-only. Ask the IT staff to give write access, or choose another folder (--data-dir).</source>
        <translation>Thư mục dữ liệu {folder} không ghi được: người dùng này không có quyền ghi vào đó, hoặc ổ đĩa chỉ cho phép đọc. Hãy nhờ cán bộ công nghệ thông tin cấp quyền ghi, hoặc chọn thư mục khác (--data-dir).</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be created: a file has its name, or the drive is missing. Plug the drive in, or choose another folder (--data-dir).</source>
        <translation>Không tạo được thư mục dữ liệu {folder}: đã có một tệp trùng tên, hoặc ổ đĩa không có. Hãy cắm ổ đĩa vào, hoặc chọn thư mục khác (--data-dir).</translation>
    </message>
    <message>
        <source>The drive of the data folder {folder} is full. Free some space on it and start again.</source>
        <translation>Ổ đĩa chứa thư mục dữ liệu {folder} đã đầy. Hãy giải phóng bớt dung lượng rồi mở lại.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be created or written ({reason}). Ask the IT staff to give this user write access to it, free space on its drive, or choose another folder (--data-dir).</source>
        <translation>Thư mục dữ liệu {folder} không tạo hoặc không ghi được ({reason}). Hãy nhờ cán bộ công nghệ thông tin cấp quyền ghi cho người dùng này, giải phóng dung lượng ổ đĩa, hoặc chọn thư mục khác (--data-dir).</translation>
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
    <name>district</name>
    <message>
        <source>Importing reports is for the district installation, not a commune.</source>
        <translation>Việc nhập báo cáo dành cho máy của huyện, không phải của xã.</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}</source>
        <translation>Không đọc được tệp {name}: {reason}</translation>
    </message>
    <message>
        <source>{commune} already sent a different file as revision {revision} for this period. Ask the commune to export the report again (a new revision).</source>
        <translation>{commune} đã gửi một tệp khác với cùng lần gửi {revision} cho kỳ này. Đề nghị xã xuất lại báo cáo (lần gửi mới).</translation>
    </message>
    <message>
        <source>The file describes “{claimed}” ({code}) at another level than the list of units, which has {name} for {day}. {unit} did not import it.</source>
        <translation>Tệp ghi “{claimed}” (mã {code}) ở cấp khác với danh mục đơn vị; ngày {day}, danh mục ghi mã này là {name}. {unit} không nhập tệp này.</translation>
    </message>
    <message>
        <source>The file says it is from “{claimed}” (unit {code}) for {day}, but on that day unit {code} is {name} in the list of units. {unit} did not import it; ask the sender to check its set-up.</source>
        <translation>Tệp ghi là của “{claimed}” (mã {code}) tại ngày {day}, nhưng theo danh mục đơn vị, ngày đó mã {code} là {name}. {unit} không nhập tệp này; đề nghị đơn vị gửi kiểm tra lại phần thiết lập.</translation>
    </message>
    <message>
        <source>The file from {name} ({code}) is addressed to unit {parent}, but for {day} the list of units has it report to {unit}. It was not imported; ask the sender to check its set-up.</source>
        <translation>Tệp của {name} (mã {code}) ghi gửi đơn vị mã {parent}, nhưng theo danh mục đơn vị, ngày {day} đơn vị này báo cáo về {unit}. Chưa nhập tệp này; đề nghị đơn vị gửi kiểm tra lại phần thiết lập.</translation>
    </message>
    <message>
        <source>This report names itself “{claimed}”: it is from {sender} ({code}), which on {day} reports to {above}, not to {unit}. It was not imported.</source>
        <translation>Báo cáo này ghi là của “{claimed}”: đây là báo cáo của {sender} (mã {code}), ngày {day} báo cáo về {above}, không phải về {unit}. Chưa nhập báo cáo này.</translation>
    </message>
    <message>
        <source>This report says it is from “{claimed}” ({code}), but the list of units has no unit {code} on {day}: it does not report to {unit}. It was not imported.</source>
        <translation>Báo cáo này ghi là của “{claimed}” (mã {code}), nhưng ngày {day} danh mục đơn vị không có đơn vị mã {code}, nên đơn vị này không báo cáo về {unit}. Chưa nhập báo cáo này.</translation>
    </message>
    <message>
        <source>This report is for the campaign “{title}” ({id}), which this installation does not know. It was not imported; import the campaign&apos;s file first.</source>
        <translation>Báo cáo này thuộc đợt “{title}” ({id}), máy này chưa có đợt đó. Báo cáo chưa được nhập; hãy nhập tệp của đợt trước.</translation>
    </message>
    <message>
        <source>This file claims to be from {commune} ({code}), but it is signed with the key enrolled for commune {owner} ({fingerprint}). A key is trusted for one unit only: do not accept this file.</source>
        <translation>Tệp này ghi là của {commune} ({code}), nhưng lại ký bằng khóa đã xác nhận cho xã {owner} ({fingerprint}). Mỗi khóa chỉ được tin cậy cho một đơn vị: đừng nhận tệp này.</translation>
    </message>
    <message>
        <source>The report from {commune} is signed with a different key ({new}) than the one enrolled ({old}). If the commune&apos;s computer was reinstalled, confirm the new key by phone and use “Replace key”; otherwise do not accept this file.</source>
        <translation>Báo cáo của {commune} được ký bằng khóa khác ({new}) với khóa đã xác nhận ({old}). Nếu máy của xã vừa được cài lại, hãy gọi điện xác nhận khóa mới rồi dùng “Thay khóa”; nếu không, đừng nhận tệp này.</translation>
    </message>
    <message>
        <source>The consolidated report is made by the district installation.</source>
        <translation>Báo cáo tổng hợp chỉ lập được trên máy cài đặt cho huyện.</translation>
    </message>
    <message>
        <source>No commune has sent its report for {period} yet. Import the communes&apos; files first.</source>
        <translation>Chưa có xã nào gửi báo cáo tháng {period}. Hãy nhập tệp báo cáo của các xã trước.</translation>
    </message>
    <message>
        <source>signed with the replaced key {fingerprint}</source>
        <translation>ký bằng khóa đã thay {fingerprint}</translation>
    </message>
    <message>
        <source>That file is no longer waiting (it was enrolled or removed).</source>
        <translation>Tệp đó không còn chờ nữa (đã được xác nhận hoặc đã bỏ).</translation>
    </message>
    <message>
        <source>{commune} already has an enrolled key ({old}); this file is signed with {new}. If the commune&apos;s computer was reinstalled, confirm the new key by phone and use “Replace key”.</source>
        <translation>{commune} đã có khóa được xác nhận ({old}); tệp này ký bằng khóa {new}. Nếu máy của xã vừa được cài lại, hãy gọi điện xác nhận khóa mới rồi dùng “Thay khóa”.</translation>
    </message>
    <message>
        <source>{commune} has no enrolled key yet, so there is nothing to replace. Enrol the key instead (after comparing its fingerprint {fingerprint} with the commune).</source>
        <translation>{commune} chưa có khóa nào được xác nhận, nên không có gì để thay. Hãy xác nhận khóa (sau khi đối chiếu mã nhận dạng {fingerprint} với xã).</translation>
    </message>
    <message>
        <source>This file is signed with the key already enrolled for {commune} ({fingerprint}); nothing to replace. Import it as usual.</source>
        <translation>Tệp này ký bằng đúng khóa đã xác nhận cho {commune} ({fingerprint}); không có gì để thay. Hãy nhập tệp như bình thường.</translation>
    </message>
    <message>
        <source>The key {fingerprint} is already enrolled for commune {owner}. A key is trusted for one unit only: it cannot also be enrolled for {commune}.</source>
        <translation>Khóa {fingerprint} đã được xác nhận cho xã {owner}. Mỗi khóa chỉ được tin cậy cho một đơn vị: không thể xác nhận thêm cho {commune}.</translation>
    </message>
    <message>
        <source>Say why the report is withdrawn (a short reason).</source>
        <translation>Hãy ghi lý do rút báo cáo (ngắn gọn).</translation>
    </message>
    <message>
        <source>The reason is too long: at most {limit} characters, please.</source>
        <translation>Lý do quá dài: tối đa {limit} ký tự.</translation>
    </message>
    <message>
        <source>Unit {code} does not report to {unit}. Check the code.</source>
        <translation>Đơn vị {code} không báo cáo cho {unit}. Hãy kiểm tra lại mã.</translation>
    </message>
    <message>
        <source>{commune} has no counted report for {month} in the campaign “{title}”: nothing was withdrawn.</source>
        <translation>{commune} không có báo cáo nào đang được tính cho tháng {month} trong đợt “{title}”: không rút gì.</translation>
    </message>
    <message>
        <source>{commune} has no counted report for {month}: nothing was withdrawn.</source>
        <translation>{commune} không có báo cáo nào đang được tính cho tháng {month}: không rút gì.</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>{unit} reports to no unit above it: its consolidated report is printed, not sent as a file.</source>
        <translation>{unit} không báo cáo lên cấp nào: báo cáo tổng hợp được in ra, không gửi bằng tệp.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist (is the USB stick in?).</source>
        <translation>Không có thư mục {folder} (USB đã cắm chưa?).</translation>
    </message>
    <message>
        <source>Could not write to {folder}: {reason}. Check the USB stick and try again.</source>
        <translation>Không ghi được vào {folder}: {reason}. Hãy kiểm tra USB rồi thử lại.</translation>
    </message>
    <message>
        <source>The copy on {folder} does not read back correctly. Use another USB stick.</source>
        <translation>Bản ghi trên {folder} đọc lại không khớp. Hãy dùng USB khác.</translation>
    </message>
    <message>
        <source>Another export of this report was made at the same time. Export again: the file will be checked and written anew.</source>
        <translation>Một lần xuất báo cáo này khác vừa được thực hiện cùng lúc. Hãy xuất lại: tệp sẽ được kiểm tra và ghi lại từ đầu.</translation>
    </message>
</context>
<context>
    <name>faults</name>
    <message>
        <source>The data is busy: another Quỳnh Nhai program (the window or a command) is saving a long change. This action was not saved; wait until the other one has finished and try again.</source>
        <translation>Dữ liệu đang bận: một chương trình Quỳnh Nhai khác (cửa sổ ứng dụng hoặc một lệnh) đang lưu một thay đổi lớn. Thao tác này chưa được lưu; hãy đợi chương trình kia xong rồi thử lại.</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be written (it is read-only or protected). Nothing was changed. Ask the IT staff to give this user write access to it, or start the app with another data folder.</source>
        <translation>Không ghi được vào thư mục dữ liệu {folder} (thư mục chỉ đọc hoặc được bảo vệ). Chưa có gì bị thay đổi. Hãy nhờ cán bộ công nghệ thông tin cấp quyền ghi cho người dùng này, hoặc mở ứng dụng với một thư mục dữ liệu khác.</translation>
    </message>
    <message>
        <source>“{name}” cannot be used ({reason}). Check that it exists, that it is not open in another program and that its drive is plugged in, then try again.</source>
        <translation>Không dùng được “{name}” ({reason}). Hãy kiểm tra tệp có tồn tại, không đang mở trong chương trình khác và ổ đĩa chứa nó đã được cắm, rồi thử lại.</translation>
    </message>
    <message>
        <source>The drive of the data folder {folder} is full (or failing): nothing was saved. Free some space on it and try again.</source>
        <translation>Ổ đĩa chứa thư mục dữ liệu {folder} đã đầy (hoặc bị lỗi): chưa lưu được gì. Hãy giải phóng bớt dung lượng rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>The drive is full: “{name}” was not written to {folder}. Free some space (or choose another drive) and try again.</source>
        <translation>Ổ đĩa đã đầy: chưa ghi được “{name}” vào {folder}. Hãy giải phóng bớt dung lượng (hoặc chọn ổ đĩa khác) rồi thử lại.</translation>
    </message>
    <message>
        <source>“{name}” could not be written to {folder}: the file is open in another program, or the folder is write-protected. Close the file “{name}” that is open (a PDF viewer, Excel) and try again, or choose another folder.</source>
        <translation>Không ghi được “{name}” vào {folder}: tệp đang mở trong một chương trình khác, hoặc thư mục bị chống ghi. Đóng tệp “{name}” đang mở (trình xem PDF, Excel) rồi thử lại, hoặc chọn thư mục khác.</translation>
    </message>
    <message>
        <source>“{name}” could not be written to {folder} ({reason}). Check the drive or USB stick and try again.</source>
        <translation>Không ghi được “{name}” vào {folder} ({reason}). Hãy kiểm tra ổ đĩa hoặc USB rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>{name}: only a commune formed by a merger takes in the history of the communes merged into it; nothing was taken.</source>
        <translation>{name}: chỉ xã được thành lập do sáp nhập mới nhận lịch sử của các xã sáp nhập vào; chưa nhận gì.</translation>
    </message>
    <message>
        <source>{name} is not a commune&apos;s report; nothing was taken.</source>
        <translation>{name} không phải báo cáo của một xã; chưa nhận gì.</translation>
    </message>
    <message>
        <source>{name} is from “{claimed}” ({code}), which the unit list does not have on {day}; nothing was taken.</source>
        <translation>{name} là của “{claimed}” ({code}), đơn vị này không có trong danh mục vào ngày {day}; chưa nhận gì.</translation>
    </message>
    <message>
        <source>{name} is this installation&apos;s own report as {sender}: it is here already. Nothing was taken.</source>
        <translation>{name} là báo cáo của chính máy này khi còn là {sender}: báo cáo đã có sẵn. Chưa nhận gì.</translation>
    </message>
    <message>
        <source>{name} is from {sender}, which was not merged into {here}; its history belongs there. Nothing was taken.</source>
        <translation>{name} là của {sender}, đơn vị không sáp nhập vào {here}; lịch sử của đơn vị đó thuộc về nơi khác. Chưa nhận gì.</translation>
    </message>
    <message>
        <source>Choose the report files (.qnbc) to take in.</source>
        <translation>Hãy chọn các tệp báo cáo (.qnbc) cần nhận.</translation>
    </message>
</context>
<context>
    <name>limits</name>
    <message>
        <source>{value} is too large: at most {max} in one activity.</source>
        <translation>{value} là quá lớn: mỗi hoạt động tối đa {max}.</translation>
    </message>
    <message>
        <source>“{field}” contains an invisible control character ({char}), perhaps copied from another program. Delete the text and type it again.</source>
        <translation>“{field}” có một ký tự điều khiển không nhìn thấy ({char}), có thể do sao chép từ chương trình khác. Hãy xóa đoạn chữ đó rồi gõ lại.</translation>
    </message>
</context>
<context>
    <name>package</name>
    <message>
        <source>The file is too large to be a report.</source>
        <translation>Tệp quá lớn, không phải tệp báo cáo.</translation>
    </message>
    <message>
        <source>This is not a report file, or it is damaged (copy it again).</source>
        <translation>Đây không phải tệp báo cáo, hoặc tệp bị hỏng (hãy chép lại tệp).</translation>
    </message>
    <message>
        <source>The signature does not match: the file was changed after the commune signed it. Ask the commune for the file again.</source>
        <translation>Chữ ký không khớp: tệp đã bị thay đổi sau khi xã ký. Đề nghị xã gửi lại tệp.</translation>
    </message>
    <message>
        <source>{member} does not match its checksum: the file was changed.</source>
        <translation>{member} không khớp mã kiểm tra: tệp đã bị thay đổi.</translation>
    </message>
    <message>
        <source>The report data is not valid: {detail}</source>
        <translation>Dữ liệu báo cáo không hợp lệ: {detail}</translation>
    </message>
    <message>
        <source>The file holds unexpected contents ({names}); it is not a report.</source>
        <translation>Tệp chứa nội dung lạ ({names}); đây không phải tệp báo cáo.</translation>
    </message>
    <message>
        <source>{member} is too large or packed in an unusual way.</source>
        <translation>{member} quá lớn hoặc được nén theo cách bất thường.</translation>
    </message>
    <message>
        <source>This report was made in format version {version}, which this app does not read. Install the newest version of the app.</source>
        <translation>Báo cáo này được tạo theo định dạng phiên bản {version}, ứng dụng này không đọc được. Hãy cài phiên bản mới nhất của ứng dụng.</translation>
    </message>
</context>
<context>
    <name>package_export</name>
    <message>
        <source>The activity of {date} ({team}) holds what a report file cannot carry ({field}: {value}). Correct it under Activities and export again.</source>
        <translation>Hoạt động ngày {date} ({team}) có dữ liệu mà tệp báo cáo không chứa được ({field}: {value}). Hãy sửa hoạt động đó ở mục Hoạt động rồi xuất lại.</translation>
    </message>
</context>
<context>
    <name>periods</name>
    <message>
        <source>The end date {end} is before the start date {start}.</source>
        <translation>Ngày kết thúc {end} trước ngày bắt đầu {start}.</translation>
    </message>
    <message>
        <source>A report covers at most {days} days.</source>
        <translation>Một báo cáo chỉ tính tối đa {days} ngày.</translation>
    </message>
    <message>
        <source>Write the month as YYYY-MM, e.g. 2021-09 (got “{text}”).</source>
        <translation>Ghi tháng theo dạng YYYY-MM, ví dụ 2021-09 (đã nhập “{text}”).</translation>
    </message>
    <message>
        <source>Write the day as YYYY-MM-DD or DD/MM/YYYY (got “{text}”).</source>
        <translation>Ghi ngày theo dạng YYYY-MM-DD hoặc DD/MM/YYYY (đã nhập “{text}”).</translation>
    </message>
</context>
<context>
    <name>posters</name>
    <message>
        <source>The QR content of “{venue}” ({code}) is too long to print this small: choose the A4 poster.</source>
        <translation>Nội dung mã QR của “{venue}” ({code}) quá dài để in khổ nhỏ này: hãy chọn áp phích A4.</translation>
    </message>
    <message>
        <source>The check of the printed QR codes failed for {count} venue(s), first {code} (page {page}): {found}. Nothing was saved or printed.</source>
        <translation>Kiểm tra mã QR không đạt ở {count} địa điểm, đầu tiên là {code} (trang {page}): đọc được “{found}”. Chưa lưu hay in gì.</translation>
    </message>
    <message>
        <source>There is no venue to print a poster for.</source>
        <translation>Không có địa điểm nào để in áp phích.</translation>
    </message>
    <message>
        <source>Unknown layout {layout}: use a4, a5 or stickers.</source>
        <translation>Không có khổ in {layout}: dùng a4, a5 hoặc stickers.</translation>
    </message>
    <message>
        <source>Cannot write “{path}”: {reason}</source>
        <translation>Không ghi được “{path}”: {reason}</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>The printer could not be opened. Check that it is on and ready.</source>
        <translation>Không mở được máy in. Hãy kiểm tra máy in đã bật và sẵn sàng.</translation>
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
        <source>“{name}” could be {choices}: write the full name.</source>
        <translation>“{name}” có thể là {choices}: hãy ghi đầy đủ tên.</translation>
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
    <name>report</name>
    <message>
        <source>The monthly report is made by a commune installation.</source>
        <translation>Báo cáo tháng được lập trên máy cài đặt cho xã.</translation>
    </message>
    <message>
        <source>The report number is the part before the slash, e.g. 05 (got “{text}”).</source>
        <translation>Số báo cáo là phần trước dấu gạch chéo, ví dụ 05 (đã nhập “{text}”).</translation>
    </message>
    <message>
        <source>A text of the report is longer than {max} letters.</source>
        <translation>Một phần nội dung báo cáo dài quá {max} ký tự.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>The deadline must be 0 to 60 days.</source>
        <translation>Hạn nộp phải từ 0 đến 60 ngày.</translation>
    </message>
    <message>
        <source>Unknown language: {lang}.</source>
        <translation>Không có ngôn ngữ “{lang}”.</translation>
    </message>
</context>
<context>
    <name>setup</name>
    <message>
        <source>No unit has the code {code} on {day} in the unit list.</source>
        <translation>Danh mục đơn vị không có đơn vị nào mang mã {code} vào ngày {day}.</translation>
    </message>
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
        <source>Write between 1 and {most} recipients under &quot;Nơi nhận&quot;, one a line.</source>
        <translation>Ghi từ 1 đến {most} nơi nhận trong mục &quot;Nơi nhận&quot;, mỗi nơi một dòng.</translation>
    </message>
    <message>
        <source>Enter the name of the person who signs.</source>
        <translation>Nhập họ tên người ký.</translation>
    </message>
    <message>
        <source>Enter the signer&apos;s title (e.g. PHÓ CHỦ TỊCH).</source>
        <translation>Nhập chức danh người ký (ví dụ: PHÓ CHỦ TỊCH).</translation>
    </message>
    <message>
        <source>Enter who receives the reports (after &quot;Kính gửi&quot;).</source>
        <translation>Nhập nơi nhận báo cáo (sau &quot;Kính gửi&quot;).</translation>
    </message>
    <message>
        <source>That is too long: at most {most} characters.</source>
        <translation>Nội dung quá dài: tối đa {most} ký tự.</translation>
    </message>
    <message>
        <source>The app is not set up yet. Open it and follow the set-up, or run &apos;quynhnhai init --commune CODE --signer-name NAME --signer-title TITLE&apos;.</source>
        <translation>Ứng dụng chưa được thiết lập. Hãy mở ứng dụng và làm theo hướng dẫn thiết lập, hoặc chạy &apos;quynhnhai init --commune MÃ --signer-name &quot;HỌ TÊN&quot; --signer-title &quot;CHỨC VỤ&quot;&apos;.</translation>
    </message>
    <message>
        <source>“{text}” is not a date: write it as dd/mm/yyyy.</source>
        <translation>“{text}” không phải là ngày: hãy viết theo dạng ngày/tháng/năm (dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>This installation is already {unit} on {day}; nothing was changed.</source>
        <translation>Ngày {day} phần mềm này đã là {unit}; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>{unit} was not merged into another unit in the unit list; nothing was changed.</source>
        <translation>Theo danh mục đơn vị, {unit} không sáp nhập vào đơn vị nào khác; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>{unit} ended on {last}: the move is on {first}, not on {day}. Nothing was changed.</source>
        <translation>{unit} kết thúc ngày {last}: ngày chuyển là {first}, không phải {day}. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>{unit} was merged into {successor}, not into {target}. Nothing was changed.</source>
        <translation>{unit} được sáp nhập vào {successor}, không phải vào {target}. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>{successor} keeps the code of {keeper}: that installation moves to it. Send this one&apos;s report packages there to take in its history. Nothing was changed.</source>
        <translation>{successor} giữ mã của {keeper}: phần mềm của {keeper} sẽ chuyển sang đơn vị mới. Hãy gửi các tệp báo cáo của máy này sang đó để nhận lịch sử. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>A report from {day} on was already exported as {unit}; the move cannot change it. Nothing was changed.</source>
        <translation>Đã xuất báo cáo từ ngày {day} với tên {unit}; việc chuyển không thể sửa báo cáo đó. Không có gì thay đổi.</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>The database file {file} is empty (0 bytes): its data was lost, perhaps by a disk error or a failed copy. It was left as it is. Restore the latest backup (kept in {backups}) or call the district IT staff.</source>
        <translation>Tệp cơ sở dữ liệu {file} trống (0 byte): dữ liệu trong đó đã mất, có thể do lỗi ổ đĩa hoặc sao chép hỏng. Tệp được giữ nguyên. Hãy khôi phục bản sao lưu gần nhất (lưu trong {backups}) hoặc gọi cán bộ công nghệ thông tin của huyện.</translation>
    </message>
    <message>
        <source>The database file {file} is cut short (truncated, perhaps by a failed copy or a disk error). It was left as it is. Restore the latest backup (kept in {backups}) or call the district IT staff.</source>
        <translation>Tệp cơ sở dữ liệu {file} bị cắt cụt (có thể do sao chép hỏng hoặc lỗi ổ đĩa). Tệp được giữ nguyên. Hãy khôi phục bản sao lưu gần nhất (lưu trong {backups}) hoặc gọi cán bộ công nghệ thông tin của huyện.</translation>
    </message>
    <message>
        <source>The file {file} is not a database of this app (or is badly damaged). It was left as it is. Restore the latest backup (kept in {backups}) or call the district IT staff.</source>
        <translation>Tệp {file} không phải cơ sở dữ liệu của ứng dụng này (hoặc bị hỏng nặng). Tệp được giữ nguyên. Hãy khôi phục bản sao lưu gần nhất (lưu trong {backups}) hoặc gọi cán bộ công nghệ thông tin của huyện.</translation>
    </message>
    <message>
        <source>The database file {file} is damaged. It was left as it is. Restore the latest backup (kept in {backups}) or call the district IT staff.</source>
        <translation>Tệp cơ sở dữ liệu {file} bị hỏng. Tệp được giữ nguyên. Hãy khôi phục bản sao lưu gần nhất (lưu trong {backups}) hoặc gọi cán bộ công nghệ thông tin của huyện.</translation>
    </message>
    <message>
        <source>The database file {file} has a “-wal” file beside it that does not belong to it (copied from another computer or folder?). Both were left as they are. Restore the latest backup (kept in {backups}) or call the district IT staff.</source>
        <translation>Bên cạnh tệp cơ sở dữ liệu {file} có một tệp “-wal” không thuộc về nó (chép từ máy hoặc thư mục khác?). Cả hai tệp được giữ nguyên. Hãy khôi phục bản sao lưu gần nhất (lưu trong {backups}) hoặc gọi cán bộ công nghệ thông tin của huyện.</translation>
    </message>
    <message>
        <source>The database file {file} is read-only: nothing could be saved. Ask the IT staff to remove the read-only mark or give this user write access, then start again.</source>
        <translation>Tệp cơ sở dữ liệu {file} chỉ cho phép đọc: không lưu được gì. Hãy nhờ cán bộ công nghệ thông tin bỏ thuộc tính chỉ đọc hoặc cấp quyền ghi cho người dùng này, rồi mở lại.</translation>
    </message>
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
        <source>Cannot read “{name}”: it is damaged or not an Excel workbook. Open it in Excel, save it again as .xlsx, and try again.</source>
        <translation>Không đọc được tệp “{name}”: tệp bị hỏng hoặc không phải sổ tính Excel. Hãy mở tệp bằng Excel, lưu lại thành .xlsx rồi thử lại.</translation>
    </message>
    <message>
        <source>Cannot read the letters of “{name}”. In Excel choose File › Save As, the type “CSV UTF-8 (Comma delimited) (*.csv)”, save, and import that file.</source>
        <translation>Không đọc được chữ trong tệp “{name}”. Trong Excel, chọn Tệp › Lưu như, chọn kiểu tệp “CSV UTF-8 (Comma delimited) (*.csv)”, lưu lại rồi nhập tệp vừa lưu.</translation>
    </message>
    <message>
        <source>Choose a .csv or .xlsx file (got “{name}”).</source>
        <translation>Hãy chọn tệp .csv hoặc .xlsx (tệp đã chọn: “{name}”).</translation>
    </message>
    <message>
        <source>Cannot read “{name}”: it is not a CSV table. Save it from Excel as “CSV UTF-8 (Comma delimited) (*.csv)” and try again.</source>
        <translation>Không đọc được tệp “{name}”: đây không phải bảng CSV. Trong Excel, hãy lưu tệp với kiểu “CSV UTF-8 (Comma delimited) (*.csv)” rồi thử lại.</translation>
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
        <source>The file “{name}” is too large ({size} MB, at most {max} MB); split it.</source>
        <translation>Tệp “{name}” quá lớn ({size} MB, tối đa {max} MB); hãy chia thành nhiều tệp nhỏ hơn.</translation>
    </message>
    <message>
        <source>This installation cannot read Excel files safely (a part is missing). Install the app again, or import the table saved as “CSV UTF-8”.</source>
        <translation>Bản cài đặt này không thể đọc tệp Excel một cách an toàn (thiếu một thành phần). Hãy cài lại ứng dụng, hoặc nhập bảng đã lưu thành “CSV UTF-8”.</translation>
    </message>
    <message>
        <source>The workbook “{name}” has no worksheet: put the table on the first sheet.</source>
        <translation>Sổ tính “{name}” không có trang tính nào: hãy đặt bảng vào trang tính đầu tiên.</translation>
    </message>
    <message>
        <source>The workbook “{name}” is too large to import (at most {max} MB unpacked); split it into smaller files.</source>
        <translation>Sổ tính “{name}” quá lớn, không nhập được (tối đa {max} MB khi giải nén); hãy chia thành các tệp nhỏ hơn.</translation>
    </message>
    <message>
        <source>The workbook “{name}” holds XML that this app does not read (entity declarations). Open it in Excel, save it again as .xlsx, and try again.</source>
        <translation>Sổ tính “{name}” chứa mã XML mà ứng dụng không đọc (khai báo thực thể). Hãy mở tệp bằng Excel, lưu lại thành .xlsx rồi thử lại.</translation>
    </message>
    <message>
        <source>The file has more than {max} rows; split it.</source>
        <translation>Tệp có hơn {max} dòng; hãy chia thành nhiều tệp.</translation>
    </message>
</context>
<context>
    <name>venue_files</name>
    <message>
        <source>The category “{text}” could be {choices}: write one of them.</source>
        <translation>Loại “{text}” có thể là {choices}: hãy ghi một trong các loại đó.</translation>
    </message>
    <message>
        <source>Unknown category “{text}”; use one of: {choices}.</source>
        <translation>Không có loại “{text}”; hãy dùng một trong các loại: {choices}.</translation>
    </message>
    <message>
        <source>“{text}” in column registered: write có or không.</source>
        <translation>“{text}” ở cột registered: hãy ghi có hoặc không.</translation>
    </message>
    <message>
        <source>“{text}” is not a date; write dd/mm/yyyy.</source>
        <translation>“{text}” không phải là ngày; hãy ghi dạng dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>Unknown status “{text}”; write đang hoạt động or đã đóng cửa.</source>
        <translation>Không có tình trạng “{text}”; hãy ghi đang hoạt động hoặc đã đóng cửa.</translation>
    </message>
    <message>
        <source>Unknown village “{village}”: add it to the list first, or import with the option to create missing villages.</source>
        <translation>Chưa có bản “{village}” trong danh mục: hãy thêm bản trước, hoặc nhập kèm lựa chọn thêm các bản còn thiếu.</translation>
    </message>
    <message>
        <source>The code {code} is also on row {other}.</source>
        <translation>Mã {code} đã có ở dòng {other}.</translation>
    </message>
    <message>
        <source>The code {code} belongs to another commune.</source>
        <translation>Mã {code} là của xã khác.</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>Hãy chọn loại địa điểm.</translation>
    </message>
</context>
<context>
    <name>venues</name>
    <message>
        <source>The venue code “{code}” is not valid: use up to 32 letters, digits, dots or hyphens, e.g. 03703-0012.</source>
        <translation>Mã địa điểm “{code}” không hợp lệ: chỉ dùng tối đa 32 chữ cái, chữ số, dấu chấm hoặc gạch ngang, ví dụ 03703-0012.</translation>
    </message>
    <message>
        <source>“{phone}” is not a Vietnamese phone number. A mobile has 10 digits (e.g. 0912 345 678); a landline has 11 digits starting with 02 (e.g. 0212 3851 234).</source>
        <translation>“{phone}” không phải số điện thoại Việt Nam. Số di động có 10 chữ số (ví dụ 0912 345 678); số cố định có 11 chữ số, bắt đầu bằng 02 (ví dụ 0212 3851 234).</translation>
    </message>
    <message>
        <source>Enter the venue&apos;s name.</source>
        <translation>Hãy nhập tên địa điểm.</translation>
    </message>
    <message>
        <source>Unknown venue category “{category}”.</source>
        <translation>Không có loại địa điểm “{category}”.</translation>
    </message>
    <message>
        <source>Unknown status “{status}”: use active or closed.</source>
        <translation>Không có tình trạng “{status}”: dùng active hoặc closed.</translation>
    </message>
    <message>
        <source>The official QR content is longer than {max} characters.</source>
        <translation>Nội dung mã QR chính thức dài quá {max} ký tự.</translation>
    </message>
    <message>
        <source>The registration date must be between {first} and today.</source>
        <translation>Ngày đăng ký phải từ {first} đến hôm nay.</translation>
    </message>
    <message>
        <source>“{text}…” is too long (at most {max} characters).</source>
        <translation>“{text}…” quá dài (tối đa {max} ký tự).</translation>
    </message>
    <message>
        <source>Choose a village of this commune.</source>
        <translation>Hãy chọn một bản của xã này.</translation>
    </message>
    <message>
        <source>The code {code} is already used by another venue.</source>
        <translation>Mã {code} đã được dùng cho địa điểm khác.</translation>
    </message>
    <message>
        <source>A venue&apos;s code cannot change ({old}): printed posters carry it.</source>
        <translation>Không thể đổi mã địa điểm ({old}): áp phích đã in mang mã này.</translation>
    </message>
    <message>
        <source>This venue no longer exists.</source>
        <translation>Địa điểm này không còn nữa.</translation>
    </message>
    <message>
        <source>No venue has the code {codes}.</source>
        <translation>Không có địa điểm nào mang mã {codes}.</translation>
    </message>
</context>
</TS>
