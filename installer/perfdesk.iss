; Inno Setup 6.3+ script: packs the PyInstaller bundle (dist\perfdesk) into perfdesk-<version>-setup.exe.
;
; Built by installer\build.py, which passes the version read from pyproject.toml:
;   ISCC.exe /DAppVersion=0.1.0 /DBundleDir=...\dist\perfdesk /DRepoDir=... /O...\dist installer\perfdesk.iss
;
; The clerk chooses "for me only" (no administrator rights, installs under %LOCALAPPDATA%\Programs)
; or "for all users" (Program Files, needs an administrator); /CURRENTUSER or /ALLUSERS on the
; command line pick without asking. Start-menu entry always; desktop shortcut and "open .xlsx
; with perfdesk" (added to the Open-with list; Excel stays the default) are optional tasks.
; Uninstalling removes the program files, the shortcuts, the registry entries made here and
; the settings of the user who uninstalls; documents the clerk saved are never touched.

#ifndef AppVersion
  #error Pass /DAppVersion=<version> (installer\build.py reads it from pyproject.toml)
#endif
#ifndef RepoDir
  #define RepoDir AddBackslash(SourcePath) + ".."
#endif
#ifndef BundleDir
  #define BundleDir RepoDir + "\dist\perfdesk"
#endif
; Simplified Chinese ships with recent Inno Setup releases; older ones need the .isl added
; to their Languages folder (see installer\README.md). Without it the setup is in English.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define HaveChinese
#endif

[Setup]
AppId={{4BFC3DDA-AB5F-4F31-B083-7B36DF66925C}
AppName=perfdesk
AppVersion={#AppVersion}
AppVerName=perfdesk {#AppVersion}
AppPublisher=perfdesk
VersionInfoVersion={#AppVersion}
VersionInfoDescription=perfdesk setup
DefaultDirName={autopf}\perfdesk
DefaultGroupName=perfdesk
DisableProgramGroupPage=yes
; Per-user by default (no UAC prompt on a locked-down office PC); per-machine when chosen.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 and later only.
MinVersion=10.0
OutputBaseFilename=perfdesk-{#AppVersion}-setup
SetupIconFile={#RepoDir}\resources\icons\perfdesk.ico
UninstallDisplayIcon={app}\perfdesk.exe
UninstallDisplayName=perfdesk {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
#ifdef HaveChinese
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.OpenXlsx=Add perfdesk to "Open with" for .xlsx workbooks
english.XlsxFileType=perfdesk budget performance workbook
english.AppComment=Write, check and print the department budget performance text
#ifdef HaveChinese
chinesesimplified.OpenXlsx=把 perfdesk 加入 .xlsx 工作簿的“打开方式”
chinesesimplified.XlsxFileType=部门预算绩效文本工作簿
chinesesimplified.AppComment=编写、审核并打印部门预算绩效文本
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "openxlsx"; Description: "{cm:OpenXlsx}"; Flags: unchecked

[Files]
; The whole onedir bundle: perfdesk.exe (windowed), perfdesk-cli.exe (console), _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\perfdesk"; Filename: "{app}\perfdesk.exe"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\perfdesk"; Filename: "{app}\perfdesk.exe"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Registry]
; "Open with" for .xlsx without taking the default away from Excel/WPS: a ProgID of our own,
; listed under .xlsx\OpenWithProgids, and the executable registered as an application.
; HKA is HKCU for a per-user install and HKLM for a per-machine one.
Root: HKA; Subkey: "Software\Classes\perfdesk.xlsx"; ValueType: string; ValueName: ""; ValueData: "{cm:XlsxFileType}"; Flags: uninsdeletekey; Tasks: openxlsx
Root: HKA; Subkey: "Software\Classes\perfdesk.xlsx\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\perfdesk.exe,0"; Tasks: openxlsx
Root: HKA; Subkey: "Software\Classes\perfdesk.xlsx\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\perfdesk.exe"" ""%1"""; Tasks: openxlsx
Root: HKA; Subkey: "Software\Classes\.xlsx\OpenWithProgids"; ValueType: string; ValueName: "perfdesk.xlsx"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openxlsx
Root: HKA; Subkey: "Software\Classes\Applications\perfdesk.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "perfdesk"; Flags: uninsdeletekey; Tasks: openxlsx
Root: HKA; Subkey: "Software\Classes\Applications\perfdesk.exe\SupportedTypes"; ValueType: string; ValueName: ".xlsx"; ValueData: ""; Tasks: openxlsx
Root: HKA; Subkey: "Software\Classes\Applications\perfdesk.exe\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\perfdesk.exe"" ""%1"""; Tasks: openxlsx
; The window's settings (QSettings("perfdesk", "perfdesk"): recent files, fonts, language)
; live here; created by the program, removed on uninstall.
Root: HKCU; Subkey: "Software\perfdesk"; Flags: uninsdeletekey dontcreatekey

[Run]
Filename: "{app}\perfdesk.exe"; Description: "{cm:LaunchProgram,perfdesk}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Anything the program or a crash report left in its own folder (never the clerk's documents,
; which live elsewhere).
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"
