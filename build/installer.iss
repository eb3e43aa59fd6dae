; Inno Setup 6.3+ script: the per-user installer of Quỳnh Nhai (UTF-8 with BOM).
;
;   python build\build.py          (makes dist\QuynhNhai and build\out\QuynhNhai.ico)
;   iscc build\installer.iss        (makes dist\QuynhNhai-<version>-cai-dat.exe)
;
; Per user, no administrator rights: the program goes to %LOCALAPPDATA%\Programs\QuynhNhai,
; the shortcuts to the user's Start menu and desktop, the uninstaller registers under HKCU.
; The clerk's data never lives in the program folder (it is in %LOCALAPPDATA%\UBND huyen
; Quynh Nhai\QuynhNhai, or next to the program in portable mode), so uninstalling removes
; the program only and says where the data stays. The version comes from the executable's
; version resource, itself made from quynhnhai_desktop.__version__ by the build.

#define AppName "Quỳnh Nhai"
#define AppExe "QuynhNhai.exe"
#define BundleDir "..\dist\QuynhNhai"
#define BundleExe AddBackslash(SourcePath) + BundleDir + "\" + AppExe
#if !FileExists(BundleExe)
  #error dist\QuynhNhai\QuynhNhai.exe is missing: run python build\build.py first
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleExe, "ProductVersion")
#endif
; Per user: %LOCALAPPDATA%\Programs\QuynhNhai on Windows 10/11. (CI under Wine, which cannot
; expand {autopf} per user, passes that folder as /DDefaultDir: see build/wine/ci.sh.)
#ifndef DefaultDir
  #define DefaultDir "{autopf}\QuynhNhai"
#endif
; Where config.AppPaths puts the data (platformdirs: %LOCALAPPDATA%\<author>\<app>).
#define DataDir "{localappdata}\UBND huyen Quynh Nhai\QuynhNhai"

[Setup]
; The identity of the app for upgrades and the uninstaller: never change it.
AppId={{48DDC1FF-BF1E-41EF-99C4-68520A53FB0E}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=UBND huyện Quỳnh Nhai
AppCopyright=© UBND huyện Quỳnh Nhai — MIT
VersionInfoVersion={#GetVersionNumbersString(BundleExe)}
VersionInfoProductName={#AppName}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoCompany=UBND huyện Quỳnh Nhai
VersionInfoDescription=Cài đặt {#AppName}
VersionInfoCopyright=© UBND huyện Quỳnh Nhai — MIT
; Per user: no UAC prompt, and no question about it either.
PrivilegesRequired=lowest
DefaultDirName={#DefaultDir}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
; Qt 6 needs 64-bit Windows 10 1809 or later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
SetupIconFile=out\QuynhNhai.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
ShowLanguageDialog=no
; An open copy of the app is closed before its files are replaced (Restart Manager).
CloseApplications=yes
RestartApplications=no
Compression=lzma2/ultra64
; Solid: the two executables embed the same Python modules; LZMA stores them once.
SolidCompression=yes
; ISCC is a 32-bit program: ultra64 compression in its own 64-bit process never runs it out
; of memory (in-process it can, on any machine).
LZMAUseSeparateProcess=yes
OutputDir=..\dist
OutputBaseFilename=QuynhNhai-{#AppVersion}-cai-dat

[Languages]
; Inno Setup has no official Vietnamese: Vietnamese.isl (next to this script) translates
; every message this installer shows, over English defaults.
Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole program folder's libraries: a file left from the previous
; version (an old Qt plugin) must never load next to the new ones. The data is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes only what this installer put in place.
; The data folder, and a portable "data" folder a clerk may have made, stay untouched.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
  begin
    DataDir := ExpandConstant('{#DataDir}');
    if DirExists(DataDir) then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
