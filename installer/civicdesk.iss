; Inno Setup 6 script for CivicDesk on Windows 10/11 (64-bit).
;
; Build the bundle on Windows first (python installer\build.py -> dist\civicdesk),
; then:  iscc /DAppVersion=0.1.0 installer\civicdesk.iss   -> dist\CivicDesk-0.1.0-setup.exe
;
; The center's data never lives in the program folder: the app keeps it in the
; user's data folder, %LOCALAPPDATA%\CivicDesk (database, backups, attachments,
; log).  This script installs only the program files; an uninstall removes only what
; it installed, and an upgrade replaces only the program files, so the data folder is
; never touched by either.  Nothing below may name {localappdata}\CivicDesk.
; After an upgrade the app backs the database up before migrating its schema.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "civicdesk.exe"
#define AppCli "civicdesk-cli.exe"
#ifndef Bundle
  #define Bundle "..\dist\civicdesk"
#endif
; Qt 6 needs Windows' own icu.dll, which Windows 10 has since version 1903 (build 18362)
#ifndef MinBuild
  #define MinBuild "18362"
#endif

[Setup]
; Never change AppId: an upgrade finds the previous installation by it.
AppId={{6F0C3E2A-5B8D-4C1E-9A47-2D3B8E6C1F90}
AppName=CivicDesk
AppVersion={#AppVersion}
AppVerName=CivicDesk {#AppVersion}
AppPublisher=CivicDesk
DefaultDirName={autopf}\CivicDesk
DefaultGroupName=CivicDesk
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=CivicDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 or 11; the build number is checked in [Code] (a message in Kazakh and Russian)
MinVersion=10.0
PrivilegesRequired=admin
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=CivicDesk {#AppVersion}
; close a running CivicDesk before replacing its files (Restart Manager)
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Жұмыс үстелінде белгіше / Ярлык на рабочем столе"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; an upgrade must not leave libraries of the old version beside the new ones;
; only the program folder's own subfolder is cleared, never the data folder
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; Start menu: one shortcut named in Kazakh, one in Russian (the same program; it
; opens in the language chosen in the app)
Name: "{group}\CivicDesk — ЖӨБ дамыту орталығы"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "Жергілікті өзін-өзі басқаруды дамыту орталығы"
Name: "{group}\CivicDesk — Центр развития МСУ"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "Центр развития местного самоуправления"
Name: "{group}\Өзін-өзі тексеру — Самопроверка"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#AppCli}"" --self-test"; WorkingDir: "{app}"
; Desktop: two shortcuts, Kazakh and Russian, when the task is chosen
Name: "{autodesktop}\CivicDesk — ЖӨБ орталығы"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon
Name: "{autodesktop}\CivicDesk — Центр МСУ"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; check the installation right away (fonts, translations, database, PDF)
Filename: "{app}\{#AppCli}"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Өзін-өзі тексеру… / Самопроверка…"
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,CivicDesk}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [UninstallRun]: the data folder stays after an
; uninstall, so a reinstall (or a newer version) finds the center's records.

[Code]
{ Refuse a Windows 10 older than version 1903: the program would not start there (Qt 6
  needs icu.dll).  Windows 11 reports itself as 10.0 with build 22000 or later. }
function InitializeSetup(): Boolean;
var
  Version: TWindowsVersion;
begin
  GetWindowsVersionEx(Version);
  Result := (Version.Major > 10) or ((Version.Major = 10) and (Version.Build >= {#MinBuild}));
  if not Result then
  begin
    Log(Format('Windows %d.%d build %d is older than build {#MinBuild}: not installing',
      [Version.Major, Version.Minor, Version.Build]));
    SuppressibleMsgBox(
      'CivicDesk үшін Windows 10 нұсқа 1903 (құрастыру {#MinBuild}) немесе одан жаңасы керек. ' +
      Format('Бұл компьютерде құрастыру %d орнатылған. Windows жүйесін жаңартыңыз.', [Version.Build]) +
      #13#10#13#10 +
      'Для CivicDesk нужна Windows 10 версии 1903 (сборка {#MinBuild}) или новее. ' +
      Format('На этом компьютере сборка %d. Обновите Windows.', [Version.Build]),
      mbCriticalError, MB_OK, IDOK);
  end;
end;
