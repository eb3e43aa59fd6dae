<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
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
        <source>Back up to a file…</source>
        <translation>Sao lưu ra tệp…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Khôi phục từ tệp…</translation>
    </message>
    <message>
        <source>Restore the selected backup</source>
        <translation>Khôi phục bản đã chọn</translation>
    </message>
    <message>
        <source>Open the backups folder</source>
        <translation>Mở thư mục sao lưu</translation>
    </message>
    <message>
        <source>Backups on this computer:</source>
        <translation>Các bản sao lưu trên máy này:</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed. Details are in the log file {log}.</source>
        <translation>Đã xảy ra lỗi; không có gì thay đổi. Chi tiết được ghi trong tệp nhật ký {log}.</translation>
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
    <name>Drafts</name>
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
    <name>PlaceholderPage</name>
    <message>
        <source>This part of the app is coming in a later version.</source>
        <translation>Phần này sẽ có trong phiên bản sau.</translation>
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
