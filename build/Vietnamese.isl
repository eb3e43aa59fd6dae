; Vietnamese messages for the Quỳnh Nhai installer (Inno Setup 6.3+), UTF-8 with BOM.
;
; Inno Setup ships no official Vietnamese: this file holds every message a per-user
; install, an upgrade and an uninstall can show, written for commune clerks. It is loaded
; after compiler:Default.isl (see installer.iss), so any message not listed here falls
; back to English rather than failing the build. Each message follows its English
; original ("; en:"); tests/test_installer_script.py checks that both carry the same
; placeholders (%1, %n, [name]...) and that messages Inno ends with a period itself
; (those without one in English) get none here either.

[LangOptions]
LanguageName=Tiếng Việt
LanguageID=$042A
LanguageCodePage=0

[Messages]
; en: Setup
SetupAppTitle=Cài đặt
; en: Setup - %1
SetupWindowTitle=Cài đặt - %1
; en: Uninstall
UninstallAppTitle=Gỡ cài đặt
; en: %1 Uninstall
UninstallAppFullTitle=Gỡ cài đặt %1
; en: Information
InformationTitle=Thông tin
; en: Confirm
ConfirmTitle=Xác nhận
; en: Error
ErrorTitle=Lỗi
; en: This will install %1. Do you wish to continue?
SetupLdrStartupMessage=Chương trình sẽ cài đặt %1. Bạn có muốn tiếp tục không?
; en: Unable to create a temporary file. Setup aborted
LdrCannotCreateTemp=Không tạo được tệp tạm. Đã dừng cài đặt
; en: Unable to execute file in the temporary directory. Setup aborted
LdrCannotExecTemp=Không chạy được tệp trong thư mục tạm. Đã dừng cài đặt
; en: %1.%n%nError %2: %3
LastErrorMessage=%1.%n%nLỗi %2: %3
; en: The file %1 is missing from the installation directory. Please correct the problem or obtain a new copy of the program.
SetupFileMissing=Thiếu tệp %1 trong thư mục cài đặt. Hãy khắc phục hoặc chép lại bộ cài đặt mới.
; en: The setup files are corrupted. Please obtain a new copy of the program.
SetupFileCorrupt=Các tệp cài đặt bị hỏng. Hãy chép lại bộ cài đặt mới.
; en: The setup files are corrupted, or are incompatible with this version of Setup. Please correct the problem or obtain a new copy of the program.
SetupFileCorruptOrWrongVer=Các tệp cài đặt bị hỏng hoặc không hợp với phiên bản trình cài đặt này. Hãy khắc phục hoặc chép lại bộ cài đặt mới.
; en: An invalid parameter was passed on the command line:%n%n%1
InvalidParameter=Dòng lệnh có tham số không hợp lệ:%n%n%1
; en: Setup is already running.
SetupAlreadyRunning=Trình cài đặt đang chạy.
; en: This program does not support the version of Windows your computer is running.
WindowsVersionNotSupported=Chương trình này không chạy được trên phiên bản Windows của máy tính này.
; en: This program will not run on %1.
NotOnThisPlatform=Chương trình này không chạy được trên %1.
; en: This program must be run on %1.
OnlyOnThisPlatform=Chương trình này phải chạy trên %1.
; en: This program can only be installed on versions of Windows designed for the following processor architectures:%n%n%1
OnlyOnTheseArchitectures=Chương trình này chỉ cài được trên các phiên bản Windows dành cho loại bộ xử lý sau:%n%n%1
; en: This program requires %1 version %2 or later.
WinVersionTooLowError=Chương trình này cần %1 phiên bản %2 trở lên.
; en: This program cannot be installed on %1 version %2 or later.
WinVersionTooHighError=Chương trình này không cài được trên %1 phiên bản %2 trở lên.
; en: Setup has detected that %1 is currently running.%n%nPlease close all instances of it now, then click OK to continue, or Cancel to exit.
SetupAppRunningError=%1 đang mở.%n%nHãy đóng chương trình, rồi bấm OK để tiếp tục hoặc bấm Hủy để thoát.
; en: Uninstall has detected that %1 is currently running.%n%nPlease close all instances of it now, then click OK to continue, or Cancel to exit.
UninstallAppRunningError=%1 đang mở.%n%nHãy đóng chương trình, rồi bấm OK để tiếp tục gỡ cài đặt hoặc bấm Hủy để thoát.
; en: Setup was unable to create the directory "%1"
ErrorCreatingDir=Không tạo được thư mục "%1"
; en: Unable to create a file in the directory "%1" because it contains too many files
ErrorTooManyFilesInDir=Không tạo được tệp trong thư mục "%1" vì thư mục có quá nhiều tệp
; en: Exit Setup
ExitSetupTitle=Thoát cài đặt
; en: Setup is not complete. If you exit now, the program will not be installed.%n%nYou may run Setup again at another time to complete the installation.%n%nExit Setup?
ExitSetupMessage=Việc cài đặt chưa xong. Nếu thoát bây giờ, chương trình sẽ không được cài.%n%nCó thể chạy lại trình cài đặt vào lúc khác để cài cho xong.%n%nThoát cài đặt?
; en: &About Setup...
AboutSetupMenuItem=&Giới thiệu trình cài đặt...
; en: About Setup
AboutSetupTitle=Giới thiệu trình cài đặt
; en: %1 version %2%n%3%n%n%1 home page:%n%4
AboutSetupMessage=%1 phiên bản %2%n%3%n%nTrang chủ của %1:%n%4
; en: < &Back
ButtonBack=< &Quay lại
; en: &Next >
ButtonNext=&Tiếp >
; en: &Install
ButtonInstall=&Cài đặt
; en: OK
ButtonOK=OK
; en: Cancel
ButtonCancel=Hủy
; en: &Yes
ButtonYes=&Có
; en: Yes to &All
ButtonYesToAll=Có với &tất cả
; en: &No
ButtonNo=&Không
; en: N&o to All
ButtonNoToAll=Không với t&ất cả
; en: &Finish
ButtonFinish=&Hoàn tất
; en: &Browse...
ButtonBrowse=&Chọn...
; en: B&rowse...
ButtonWizardBrowse=C&họn...
; en: &Make New Folder
ButtonNewFolder=&Tạo thư mục mới
; en: Click Next to continue, or Cancel to exit Setup.
ClickNext=Bấm Tiếp để tiếp tục, hoặc bấm Hủy để thoát.
; en: Browse For Folder
BrowseDialogTitle=Chọn thư mục
; en: Select a folder in the list below, then click OK.
BrowseDialogLabel=Chọn một thư mục trong danh sách dưới đây, rồi bấm OK.
; en: New Folder
NewFolderName=Thư mục mới
; en: Welcome to the [name] Setup Wizard
WelcomeLabel1=Chào mừng đến với trình cài đặt [name]
; en: This will install [name/ver] on your computer.%n%nIt is recommended that you close all other applications before continuing.
WelcomeLabel2=Trình cài đặt sẽ cài [name/ver] vào máy tính này.%n%nNên đóng các chương trình khác trước khi tiếp tục.
; en: Select Destination Location
WizardSelectDir=Chọn nơi cài đặt
; en: Where should [name] be installed?
SelectDirDesc=Cài [name] vào đâu?
; en: Setup will install [name] into the following folder.
SelectDirLabel3=[name] sẽ được cài vào thư mục sau.
; en: To continue, click Next. If you would like to select a different folder, click Browse.
SelectDirBrowseLabel=Bấm Tiếp để tiếp tục. Muốn chọn thư mục khác thì bấm Chọn.
; en: At least [gb] GB of free disk space is required.
DiskSpaceGBLabel=Cần ít nhất [gb] GB dung lượng trống trên ổ đĩa.
; en: At least [mb] MB of free disk space is required.
DiskSpaceMBLabel=Cần ít nhất [mb] MB dung lượng trống trên ổ đĩa.
; en: Setup cannot install to a network drive.
CannotInstallToNetworkDrive=Không cài được vào ổ đĩa mạng.
; en: Setup cannot install to a UNC path.
CannotInstallToUNCPath=Không cài được vào đường dẫn mạng (UNC).
; en: You must enter a full path with drive letter; for example:%n%nC:\APP%n%nor a UNC path in the form:%n%n\\server\share
InvalidPath=Hãy nhập đường dẫn đầy đủ có tên ổ đĩa, ví dụ:%n%nC:\APP%n%nhoặc đường dẫn mạng dạng:%n%n\\server\share
; en: The drive or UNC share you selected does not exist or is not accessible. Please select another.
InvalidDrive=Ổ đĩa hoặc thư mục dùng chung đã chọn không có hoặc không mở được. Hãy chọn nơi khác.
; en: Not Enough Disk Space
DiskSpaceWarningTitle=Không đủ dung lượng trống
; en: Setup requires at least %1 KB of free space to install, but the selected drive only has %2 KB available.%n%nDo you want to continue anyway?
DiskSpaceWarning=Cần ít nhất %1 KB dung lượng trống để cài đặt, nhưng ổ đĩa đã chọn chỉ còn %2 KB.%n%nVẫn tiếp tục?
; en: The folder name or path is too long.
DirNameTooLong=Tên thư mục hoặc đường dẫn quá dài.
; en: The folder name is not valid.
InvalidDirName=Tên thư mục không hợp lệ.
; en: Folder names cannot include any of the following characters:%n%n%1
BadDirName32=Tên thư mục không được có các ký tự sau:%n%n%1
; en: Folder Exists
DirExistsTitle=Thư mục đã có
; en: The folder:%n%n%1%n%nalready exists. Would you like to install to that folder anyway?
DirExists=Thư mục:%n%n%1%n%nđã có. Vẫn cài vào thư mục này?
; en: Folder Does Not Exist
DirDoesntExistTitle=Thư mục chưa có
; en: The folder:%n%n%1%n%ndoes not exist. Would you like the folder to be created?
DirDoesntExist=Thư mục:%n%n%1%n%nchưa có. Tạo thư mục này?
; en: Select Additional Tasks
WizardSelectTasks=Chọn việc làm thêm
; en: Which additional tasks should be performed?
SelectTasksDesc=Trình cài đặt làm thêm những việc nào?
; en: Select the additional tasks you would like Setup to perform while installing [name], then click Next.
SelectTasksLabel2=Chọn những việc cần làm thêm khi cài [name], rồi bấm Tiếp.
; en: Ready to Install
WizardReady=Sẵn sàng cài đặt
; en: Setup is now ready to begin installing [name] on your computer.
ReadyLabel1=Đã sẵn sàng cài [name] vào máy tính này.
; en: Click Install to continue with the installation, or click Back if you want to review or change any settings.
ReadyLabel2a=Bấm Cài đặt để bắt đầu, hoặc bấm Quay lại nếu muốn xem lại hay đổi lựa chọn.
; en: Click Install to continue with the installation.
ReadyLabel2b=Bấm Cài đặt để bắt đầu.
; en: Destination location:
ReadyMemoDir=Nơi cài đặt:
; en: Additional tasks:
ReadyMemoTasks=Việc làm thêm:
; en: Preparing to Install
WizardPreparing=Chuẩn bị cài đặt
; en: Setup is preparing to install [name] on your computer.
PreparingDesc=Đang chuẩn bị cài [name] vào máy tính này.
; en: The installation/removal of a previous program was not completed. You will need to restart your computer to complete that installation.%n%nAfter restarting your computer, run Setup again to complete the installation of [name].
PreviousInstallNotCompleted=Lần cài đặt hoặc gỡ bỏ chương trình trước chưa xong. Cần khởi động lại máy tính để hoàn tất việc đó.%n%nSau khi khởi động lại, hãy chạy lại trình cài đặt để cài [name].
; en: Setup cannot continue. Please click Cancel to exit.
CannotContinue=Không thể tiếp tục cài đặt. Hãy bấm Hủy để thoát.
; en: The following applications are using files that need to be updated by Setup. It is recommended that you allow Setup to automatically close these applications.
ApplicationsFound=Các chương trình sau đang dùng những tệp cần cập nhật. Nên để trình cài đặt tự đóng các chương trình này.
; en: The following applications are using files that need to be updated by Setup. It is recommended that you allow Setup to automatically close these applications. After the installation has completed, Setup will attempt to restart the applications.
ApplicationsFound2=Các chương trình sau đang dùng những tệp cần cập nhật. Nên để trình cài đặt tự đóng các chương trình này; cài xong, trình cài đặt sẽ mở lại chúng.
; en: &Automatically close the applications
CloseApplications=&Tự động đóng các chương trình
; en: &Do not close the applications
DontCloseApplications=&Không đóng các chương trình
; en: Setup was unable to automatically close all applications. It is recommended that you close all applications using files that need to be updated by Setup before continuing.
ErrorCloseApplications=Không tự đóng được tất cả các chương trình. Trước khi tiếp tục, nên tự đóng các chương trình đang dùng những tệp cần cập nhật.
; en: Setup must restart your computer. After restarting your computer, run Setup again to complete the installation of [name].%n%nWould you like to restart now?
PrepareToInstallNeedsRestart=Cần khởi động lại máy tính. Sau khi khởi động lại, hãy chạy lại trình cài đặt để cài xong [name].%n%nKhởi động lại ngay bây giờ?
; en: Installing
WizardInstalling=Đang cài đặt
; en: Please wait while Setup installs [name] on your computer.
InstallingLabel=Xin chờ trong khi [name] được cài vào máy tính này.
; en: Completing the [name] Setup Wizard
FinishedHeadingLabel=Cài đặt [name] đã xong
; en: Setup has finished installing [name] on your computer.
FinishedLabelNoIcons=Đã cài xong [name] vào máy tính này.
; en: Setup has finished installing [name] on your computer. The application may be launched by selecting the installed shortcuts.
FinishedLabel=Đã cài xong [name] vào máy tính này. Mở chương trình bằng lối tắt trong trình đơn Start hoặc trên màn hình nền.
; en: Click Finish to exit Setup.
ClickFinish=Bấm Hoàn tất để đóng trình cài đặt.
; en: To complete the installation of [name], Setup must restart your computer. Would you like to restart now?
FinishedRestartLabel=Để cài xong [name], cần khởi động lại máy tính. Khởi động lại ngay bây giờ?
; en: To complete the installation of [name], Setup must restart your computer.%n%nWould you like to restart now?
FinishedRestartMessage=Để cài xong [name], cần khởi động lại máy tính.%n%nKhởi động lại ngay bây giờ?
; en: &Yes, restart the computer now
YesRadio=&Có, khởi động lại máy tính ngay
; en: &No, I will restart the computer later
NoRadio=&Không, tôi sẽ khởi động lại sau
; en: Run %1
RunEntryExec=Mở %1
; en: Setup was not completed.%n%nPlease correct the problem and run Setup again.
SetupAborted=Chưa cài đặt xong.%n%nHãy khắc phục sự cố rồi chạy lại trình cài đặt.
; en: Select action
AbortRetryIgnoreSelectAction=Chọn cách xử lý
; en: &Try again
AbortRetryIgnoreRetry=&Thử lại
; en: &Ignore the error and continue
AbortRetryIgnoreIgnore=&Bỏ qua lỗi và tiếp tục
; en: Cancel installation
AbortRetryIgnoreCancel=Hủy cài đặt
; en: Closing applications...
StatusClosingApplications=Đang đóng các chương trình...
; en: Creating directories...
StatusCreateDirs=Đang tạo thư mục...
; en: Extracting files...
StatusExtractFiles=Đang chép tệp...
; en: Creating shortcuts...
StatusCreateIcons=Đang tạo lối tắt...
; en: Creating registry entries...
StatusCreateRegistryEntries=Đang ghi thông tin vào Windows...
; en: Saving uninstall information...
StatusSavingUninstall=Đang lưu thông tin gỡ cài đặt...
; en: Finishing installation...
StatusRunProgram=Đang hoàn tất...
; en: Restarting applications...
StatusRestartingApplications=Đang mở lại các chương trình...
; en: Rolling back changes...
StatusRollback=Đang hoàn tác các thay đổi...
; en: Internal error: %1
ErrorInternal2=Lỗi nội bộ: %1
; en: %1 failed
ErrorFunctionFailedNoCode=%1 không thành công
; en: %1 failed; code %2
ErrorFunctionFailed=%1 không thành công; mã %2
; en: %1 failed; code %2.%n%3
ErrorFunctionFailedWithMessage=%1 không thành công; mã %2.%n%3
; en: Unable to execute file:%n%1
ErrorExecutingProgram=Không chạy được tệp:%n%1
; en: Error opening registry key:%n%1\%2
ErrorRegOpenKey=Lỗi khi mở khóa registry:%n%1\%2
; en: Error creating registry key:%n%1\%2
ErrorRegCreateKey=Lỗi khi tạo khóa registry:%n%1\%2
; en: Error writing to registry key:%n%1\%2
ErrorRegWriteKey=Lỗi khi ghi khóa registry:%n%1\%2
; en: &Skip this file (not recommended)
FileAbortRetryIgnoreSkipNotRecommended=&Bỏ qua tệp này (không nên)
; en: &Ignore the error and continue (not recommended)
FileAbortRetryIgnoreIgnoreNotRecommended=&Bỏ qua lỗi và tiếp tục (không nên)
; en: The source file is corrupted
SourceIsCorrupted=Tệp nguồn bị hỏng
; en: The source file "%1" does not exist
SourceDoesntExist=Không có tệp nguồn "%1"
; en: The existing file could not be replaced because it is marked read-only.
ExistingFileReadOnly2=Không thay được tệp đang có vì tệp đó chỉ cho đọc.
; en: &Remove the read-only attribute and try again
ExistingFileReadOnlyRetry=&Bỏ thuộc tính chỉ đọc rồi thử lại
; en: &Keep the existing file
ExistingFileReadOnlyKeepExisting=&Giữ tệp đang có
; en: An error occurred while trying to read the existing file:
ErrorReadingExistingDest=Lỗi khi đọc tệp đang có:
; en: Select action
FileExistsSelectAction=Chọn cách xử lý
; en: The file already exists.
FileExists2=Tệp đã có.
; en: &Overwrite the existing file
FileExistsOverwriteExisting=&Ghi đè tệp đang có
; en: &Keep the existing file
FileExistsKeepExisting=G&iữ tệp đang có
; en: &Do this for the next conflicts
FileExistsOverwriteOrKeepAll=&Làm như vậy với các tệp sau
; en: Select action
ExistingFileNewerSelectAction=Chọn cách xử lý
; en: The existing file is newer than the one Setup is trying to install.
ExistingFileNewer2=Tệp đang có mới hơn tệp sắp cài.
; en: &Overwrite the existing file
ExistingFileNewerOverwriteExisting=&Ghi đè tệp đang có
; en: &Keep the existing file (recommended)
ExistingFileNewerKeepExisting=G&iữ tệp đang có (nên chọn)
; en: &Do this for the next conflicts
ExistingFileNewerOverwriteOrKeepAll=&Làm như vậy với các tệp sau
; en: An error occurred while trying to change the attributes of the existing file:
ErrorChangingAttr=Lỗi khi đổi thuộc tính của tệp đang có:
; en: An error occurred while trying to create a file in the destination directory:
ErrorCreatingTemp=Lỗi khi tạo tệp trong thư mục cài đặt:
; en: An error occurred while trying to read the source file:
ErrorReadingSource=Lỗi khi đọc tệp nguồn:
; en: An error occurred while trying to copy a file:
ErrorCopying=Lỗi khi chép tệp:
; en: An error occurred while trying to replace the existing file:
ErrorReplacingExistingFile=Lỗi khi thay tệp đang có:
; en: RestartReplace failed:
ErrorRestartReplace=Không thay được tệp khi khởi động lại (RestartReplace):
; en: An error occurred while trying to rename a file in the destination directory:
ErrorRenamingTemp=Lỗi khi đổi tên tệp trong thư mục cài đặt:
; en: %1 (%2)
UninstallDisplayNameMark=%1 (%2)
; en: %1 (%2, %3)
UninstallDisplayNameMarks=%1 (%2, %3)
; en: 64-bit
UninstallDisplayNameMark64Bit=64-bit
; en: Current user
UninstallDisplayNameMarkCurrentUser=Người dùng hiện tại
; en: Setup was unable to restart the computer. Please do this manually.
ErrorRestartingComputer=Không khởi động lại được máy tính. Hãy tự khởi động lại.
; en: File "%1" does not exist. Cannot uninstall.
UninstallNotFound=Không có tệp "%1". Không gỡ cài đặt được.
; en: File "%1" could not be opened. Cannot uninstall
UninstallOpenError=Không mở được tệp "%1". Không gỡ cài đặt được
; en: The uninstall log file "%1" is in a format not recognized by this version of the uninstaller. Cannot uninstall
UninstallUnsupportedVer=Trình gỡ cài đặt này không đọc được tệp nhật ký "%1". Không gỡ cài đặt được
; en: An unknown entry (%1) was encountered in the uninstall log
UninstallUnknownEntry=Nhật ký gỡ cài đặt có một mục lạ (%1)
; en: Are you sure you want to completely remove %1 and all of its components?
ConfirmUninstall=Gỡ %1 khỏi máy tính này?%n%nDữ liệu đã nhập (hoạt động, địa điểm, báo cáo, bản sao lưu) được giữ nguyên, không bị xóa.
; en: This installation can only be uninstalled on 64-bit Windows.
UninstallOnlyOnWin64=Chỉ gỡ được bản cài đặt này trên Windows 64-bit.
; en: Please wait while %1 is removed from your computer.
UninstallStatusLabel=Xin chờ trong khi gỡ %1 khỏi máy tính này.
; en: %1 was successfully removed from your computer.
UninstalledAll=Đã gỡ xong %1 khỏi máy tính này.
; en: %1 uninstall complete.%n%nSome elements could not be removed. These can be removed manually.
UninstalledMost=Đã gỡ xong %1.%n%nCòn vài mục không xóa được; có thể tự xóa các mục đó.
; en: To complete the uninstallation of %1, your computer must be restarted.%n%nWould you like to restart now?
UninstalledAndNeedsRestart=Để gỡ xong %1, cần khởi động lại máy tính.%n%nKhởi động lại ngay bây giờ?
; en: "%1" file is corrupted. Cannot uninstall
UninstallDataCorrupted=Tệp "%1" bị hỏng. Không gỡ cài đặt được
; en: Uninstall Status
WizardUninstalling=Đang gỡ cài đặt
; en: Uninstalling %1...
StatusUninstalling=Đang gỡ %1...
; en: Installing %1.
ShutdownBlockReasonInstallingApp=Đang cài %1.
; en: Uninstalling %1.
ShutdownBlockReasonUninstallingApp=Đang gỡ %1.

[CustomMessages]
; The standard custom messages the script uses, and the app's own.
; en: %1 version %2
NameAndVersion=%1 phiên bản %2
; en: Additional shortcuts:
AdditionalIcons=Lối tắt:
; en: Create a &desktop shortcut
CreateDesktopIcon=Tạo lối tắt trên &màn hình nền
; en: Uninstall %1
UninstallProgram=Gỡ cài đặt %1
; en: Launch %1
LaunchProgram=Mở %1 ngay
; en: Outreach log, venue QR codes and monthly reports
AppComment=Sổ theo dõi tuyên truyền, mã QR địa điểm và báo cáo tháng
; en: The data is kept in:%n%n%1%n%nReinstalling the program carries on with it.
DataKept=Dữ liệu vẫn được giữ tại:%n%n%1%n%nCài lại chương trình thì dữ liệu được dùng tiếp.
