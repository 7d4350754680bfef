//! The commands of a Windows PowerShell 5.1 console on Windows 10 (2016)
//! that this simulator does not run: asked for one, the console says it
//! exists but is not simulated, never that it "is not recognized". The
//! lists are the in-box modules' cmdlets and functions and the default
//! aliases.

/// Module and its commands, space-separated.
static COMMANDS: &[(&str, &str)] = &[
    (
        "Microsoft.PowerShell.Core",
        "Add-History Add-PSSnapin Clear-History Connect-PSSession Debug-Job Disable-PSRemoting Disable-PSSessionConfiguration Disconnect-PSSession Enable-PSRemoting Enable-PSSessionConfiguration Enter-PSHostProcess Enter-PSSession Exit-PSHostProcess Exit-PSSession Export-Console Export-ModuleMember Get-History Get-Job Get-Module Get-PSHostProcessInfo Get-PSSession Get-PSSessionCapability Get-PSSessionConfiguration Get-PSSnapin Invoke-Command Invoke-History New-Module New-ModuleManifest New-PSRoleCapabilityFile New-PSSession New-PSSessionConfigurationFile New-PSSessionOption New-PSTransportOption Out-Default Out-Host Receive-Job Receive-PSSession Register-ArgumentCompleter Register-PSSessionConfiguration Remove-Job Remove-Module Remove-PSSession Remove-PSSnapin Resume-Job Save-Help Set-PSDebug Set-PSSessionConfiguration Set-StrictMode Start-Job Stop-Job Suspend-Job Test-ModuleManifest Test-PSSessionConfigurationFile Unregister-PSSessionConfiguration Update-Help Wait-Job Where-Object ForEach-Object Get-Help Get-Command Import-Module Out-Null",
    ),
    (
        "Microsoft.PowerShell.Utility",
        "Add-Member Add-Type Clear-Variable Compare-Object ConvertFrom-Csv ConvertFrom-Json ConvertFrom-String ConvertFrom-StringData Convert-String ConvertTo-Csv ConvertTo-Html ConvertTo-Json ConvertTo-Xml Debug-Runspace Disable-PSBreakpoint Disable-RunspaceDebug Enable-PSBreakpoint Enable-RunspaceDebug Export-Alias Export-Clixml Export-Csv Export-FormatData Export-PSSession Format-Custom Format-Hex Format-Wide Get-Alias Get-Culture Get-Date Get-Event Get-EventSubscriber Get-FileHash Get-FormatData Get-Host Get-Member Get-PSBreakpoint Get-PSCallStack Get-Random Get-Runspace Get-RunspaceDebug Get-TraceSource Get-TypeData Get-UICulture Get-Unique Get-Variable Group-Object Import-Alias Import-Clixml Import-Csv Import-LocalizedData Import-PowerShellDataFile Import-PSSession Invoke-Expression Invoke-RestMethod Invoke-WebRequest Measure-Command New-Alias New-Event New-Guid New-Object New-TemporaryFile New-TimeSpan New-Variable Out-File Out-GridView Out-Printer Out-String Read-Host Register-EngineEvent Register-ObjectEvent Remove-Event Remove-PSBreakpoint Remove-TypeData Remove-Variable Select-String Select-Xml Send-MailMessage Set-Alias Set-Date Set-PSBreakpoint Set-TraceSource Set-Variable Show-Command Start-Sleep Tee-Object Trace-Command Unblock-File Unregister-Event Update-FormatData Update-List Update-TypeData Wait-Debugger Wait-Event Write-Debug Write-Error Write-Information Write-Progress Write-Verbose Write-Warning Format-List Format-Table Select-Object Sort-Object Measure-Object Write-Output Write-Host",
    ),
    (
        "Microsoft.PowerShell.Management",
        "Add-Computer Add-Content Checkpoint-Computer Clear-Content Clear-EventLog Clear-Item Clear-ItemProperty Clear-RecycleBin Complete-Transaction Convert-Path Copy-Item Copy-ItemProperty Debug-Process Disable-ComputerRestore Enable-ComputerRestore Get-ChildItem Get-Clipboard Get-ComputerInfo Get-ComputerRestorePoint Get-Content Get-ControlPanelItem Get-EventLog Get-HotFix Get-Item Get-ItemProperty Get-ItemPropertyValue Get-Location Get-Process Get-PSDrive Get-PSProvider Get-Service Get-TimeZone Get-Transaction Get-WmiObject Invoke-Item Invoke-WmiMethod Join-Path Limit-EventLog Move-Item Move-ItemProperty New-EventLog New-Item New-ItemProperty New-PSDrive New-Service New-WebServiceProxy Pop-Location Push-Location Register-WmiEvent Remove-Computer Remove-EventLog Remove-Item Remove-ItemProperty Remove-PSDrive Remove-WmiObject Rename-Computer Rename-Item Rename-ItemProperty Reset-ComputerMachinePassword Resolve-Path Restart-Computer Restart-Service Restore-Computer Resume-Service Set-Clipboard Set-Content Set-Item Set-ItemProperty Set-Location Set-Service Set-TimeZone Set-WmiInstance Show-ControlPanelItem Show-EventLog Split-Path Start-Process Start-Service Start-Transaction Stop-Computer Stop-Process Stop-Service Suspend-Service Test-ComputerSecureChannel Test-Connection Test-Path Undo-Transaction Use-Transaction Wait-Process Write-EventLog",
    ),
    (
        "Microsoft.PowerShell.Security",
        "ConvertFrom-SecureString ConvertTo-SecureString Get-Acl Get-AuthenticodeSignature Get-CmsMessage Get-ExecutionPolicy Get-PfxCertificate Protect-CmsMessage Set-Acl Set-AuthenticodeSignature Set-ExecutionPolicy Unprotect-CmsMessage Get-Credential",
    ),
    ("Microsoft.PowerShell.Host", "Start-Transcript Stop-Transcript"),
    ("Microsoft.PowerShell.Diagnostics", "Export-Counter Get-Counter Get-WinEvent Import-Counter New-WinEvent"),
    ("Microsoft.PowerShell.Archive", "Compress-Archive Expand-Archive"),
    (
        "Microsoft.PowerShell.LocalAccounts",
        "Add-LocalGroupMember Disable-LocalUser Enable-LocalUser Get-LocalGroup Get-LocalGroupMember Get-LocalUser New-LocalGroup New-LocalUser Remove-LocalGroup Remove-LocalGroupMember Remove-LocalUser Rename-LocalGroup Rename-LocalUser Set-LocalGroup Set-LocalUser",
    ),
    (
        "CimCmdlets",
        "Get-CimAssociatedInstance Get-CimClass Get-CimInstance Get-CimSession Invoke-CimMethod New-CimInstance New-CimSession New-CimSessionOption Register-CimIndicationEvent Remove-CimInstance Remove-CimSession Set-CimInstance",
    ),
    (
        "Microsoft.WSMan.Management",
        "Connect-WSMan Disable-WSManCredSSP Disconnect-WSMan Enable-WSManCredSSP Get-WSManCredSSP Get-WSManInstance Invoke-WSManAction New-WSManInstance New-WSManSessionOption Remove-WSManInstance Set-WSManInstance Set-WSManQuickConfig Test-WSMan",
    ),
    (
        "PowerShellGet",
        "Find-Command Find-DscResource Find-Module Find-RoleCapability Find-Script Get-InstalledModule Get-InstalledScript Get-PSRepository Install-Module Install-Script New-ScriptFileInfo Publish-Module Publish-Script Register-PSRepository Save-Module Save-Script Set-PSRepository Test-ScriptFileInfo Uninstall-Module Uninstall-Script Unregister-PSRepository Update-Module Update-ModuleManifest Update-Script Update-ScriptFileInfo",
    ),
    (
        "PackageManagement",
        "Find-Package Find-PackageProvider Get-Package Get-PackageProvider Get-PackageSource Import-PackageProvider Install-Package Install-PackageProvider Register-PackageSource Save-Package Set-PackageSource Uninstall-Package Unregister-PackageSource",
    ),
    (
        "PSReadline",
        "Get-PSReadlineKeyHandler Get-PSReadlineOption Remove-PSReadlineKeyHandler Set-PSReadlineKeyHandler Set-PSReadlineOption PSConsoleHostReadline",
    ),
    (
        "DnsClient",
        "Resolve-DnsName Clear-DnsClientCache Get-DnsClient Get-DnsClientCache Get-DnsClientServerAddress Register-DnsClient Set-DnsClient Set-DnsClientServerAddress",
    ),
    (
        "NetTCPIP",
        "Get-NetIPAddress Get-NetIPConfiguration Get-NetIPInterface Get-NetRoute Get-NetTCPConnection New-NetIPAddress Remove-NetIPAddress Set-NetIPAddress Test-NetConnection",
    ),
    ("NetAdapter", "Get-NetAdapter Disable-NetAdapter Enable-NetAdapter Restart-NetAdapter Rename-NetAdapter"),
    ("Microsoft.PowerShell.ODataUtils", "Export-ODataEndpointProxy"),
    (
        "Windows",
        "net ipconfig ping nslookup cmd notepad whoami hostname tracert netstat sc certutil reg shutdown tasklist taskkill robocopy xcopy mstsc dsregcmd gpupdate gpresult klist nltest setx where",
    ),
    (
        "",
        "Clear-Host Get-Verb help mkdir more oss Pause prompt TabExpansion2 ImportSystemModules cd.. cd\\ A: B: C: D: E: F: G: H: I: J: K: L: M: N: O: P: Q: R: S: T: U: V: W: X: Y: Z:",
    ),
];

/// The default aliases of Windows PowerShell 5.1 and what they stand for.
static ALIASES: &str = "ac=Add-Content asnp=Add-PSSnapin cat=Get-Content cd=Set-Location CFS=ConvertFrom-String chdir=Set-Location clc=Clear-Content clhy=Clear-History cli=Clear-Item clp=Clear-ItemProperty clv=Clear-Variable cnsn=Connect-PSSession compare=Compare-Object copy=Copy-Item cp=Copy-Item cpi=Copy-Item cpp=Copy-ItemProperty curl=Invoke-WebRequest cvpa=Convert-Path dbp=Disable-PSBreakpoint del=Remove-Item diff=Compare-Object dir=Get-ChildItem dnsn=Disconnect-PSSession ebp=Enable-PSBreakpoint epal=Export-Alias epcsv=Export-Csv epsn=Export-PSSession erase=Remove-Item etsn=Enter-PSSession exsn=Exit-PSSession fc=Format-Custom fhx=Format-Hex fw=Format-Wide gal=Get-Alias gbp=Get-PSBreakpoint gc=Get-Content gcb=Get-Clipboard gci=Get-ChildItem gcs=Get-PSCallStack gdr=Get-PSDrive ghy=Get-History gi=Get-Item gin=Get-ComputerInfo gjb=Get-Job gl=Get-Location gm=Get-Member gmo=Get-Module gp=Get-ItemProperty gps=Get-Process gpv=Get-ItemPropertyValue group=Group-Object gsn=Get-PSSession gsnp=Get-PSSnapin gsv=Get-Service gtz=Get-TimeZone gu=Get-Unique gv=Get-Variable gwmi=Get-WmiObject h=Get-History history=Get-History icm=Invoke-Command iex=Invoke-Expression ihy=Invoke-History ii=Invoke-Item ipal=Import-Alias ipcsv=Import-Csv ipsn=Import-PSSession irm=Invoke-RestMethod ise=powershell_ise.exe iwmi=Invoke-WmiMethod iwr=Invoke-WebRequest kill=Stop-Process lp=Out-Printer ls=Get-ChildItem md=mkdir measure=Measure-Object mi=Move-Item mount=New-PSDrive move=Move-Item mp=Move-ItemProperty mv=Move-Item nal=New-Alias ndr=New-PSDrive ni=New-Item nmo=New-Module npssc=New-PSSessionConfigurationFile nsn=New-PSSession nv=New-Variable ogv=Out-GridView oh=Out-Host popd=Pop-Location ps=Get-Process pushd=Push-Location pwd=Get-Location r=Invoke-History rbp=Remove-PSBreakpoint rcjb=Receive-Job rcsn=Receive-PSSession rd=Remove-Item rdr=Remove-PSDrive ren=Rename-Item ri=Remove-Item rjb=Remove-Job rm=Remove-Item rmdir=Remove-Item rmo=Remove-Module rni=Rename-Item rnp=Rename-ItemProperty rp=Remove-ItemProperty rsn=Remove-PSSession rsnp=Remove-PSSnapin rujb=Resume-Job rv=Remove-Variable rvpa=Resolve-Path rwmi=Remove-WmiObject sajb=Start-Job sal=Set-Alias saps=Start-Process sasv=Start-Service sbp=Set-PSBreakpoint sc=Set-Content scb=Set-Clipboard set=Set-Variable shcm=Show-Command si=Set-Item sl=Set-Location sleep=Start-Sleep sls=Select-String sp=Set-ItemProperty spjb=Stop-Job spps=Stop-Process spsv=Stop-Service start=Start-Process sujb=Suspend-Job sv=Set-Variable swmi=Set-WmiInstance tee=Tee-Object trcm=Trace-Command type=Get-Content wget=Invoke-WebRequest wjb=Wait-Job";

/// A Windows PowerShell 5.1 command the simulator does not run: its
/// canonical name and module (empty for functions of the session).
pub fn find(name: &str) -> Option<(&'static str, &'static str)> {
    let target = ALIASES
        .split(' ')
        .filter_map(|a| a.split_once('='))
        .find(|(a, _)| a.eq_ignore_ascii_case(name))
        .map_or(name, |(_, t)| t);
    let stem = target
        .len()
        .checked_sub(4)
        .filter(|&i| i > 0 && target.get(i..).is_some_and(|e| e.eq_ignore_ascii_case(".exe")))
        .map(|i| &target[..i]);
    if let Some(stem) = stem {
        return COMMANDS
            .iter()
            .filter(|(m, _)| *m == "Windows")
            .find_map(|(m, names)| names.split(' ').find(|n| n.eq_ignore_ascii_case(stem)).map(|n| (n, *m)));
    }
    COMMANDS
        .iter()
        .find_map(|(module, names)| names.split(' ').find(|n| n.eq_ignore_ascii_case(target)).map(|n| (n, *module)))
}

/// What the console says when a 5.1 command it does not simulate is run.
pub fn not_simulated(typed: &str) -> Option<String> {
    let (name, module) = find(typed)?;
    if module == "Windows" {
        return Some(format!(
            "{typed} is a program of Windows, but this simulator does not support it: it simulates the MSOnline and Microsoft Graph cmdlets and a few built-in commands of Windows PowerShell. Get-Command lists them."
        ));
    }
    let what = if typed.eq_ignore_ascii_case(name) { name.to_string() } else { format!("{typed} ({name})") };
    let from = if module.is_empty() { String::new() } else { format!(" (module {module})") };
    let hint = match name {
        "Install-Module" | "Find-Module" | "Update-Module" | "Save-Module" | "Get-InstalledModule" => {
            " The MSOnline module is already installed and loaded in this console: start with Connect-MsolService."
        }
        "Get-Member" => " To see an object's properties and values, pipe it into Format-List *.",
        "Group-Object" => " To count objects by a property, filter with Where-Object and count with Measure-Object.",
        "Resolve-DnsName" => " The records this simulator's DNS holds are on the DNS page.",
        _ => " Get-Command lists the commands it simulates.",
    };
    Some(format!(
        "{what} is a Windows PowerShell 5.1 command{from}, but this simulator does not support it: it simulates the MSOnline and Microsoft Graph cmdlets and a few built-in commands.{hint}"
    ))
}
