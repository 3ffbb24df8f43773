#Requires -Version 7.0
#Requires -Modules Microsoft.Graph.Authentication
# CA Lens: one change to one Conditional Access object, made on the object as it is in the tenant now.
# Review before running. It reads the live object, refuses when it changed since CA Lens planned this change
# (unless -Force), saves it to a backup file, changes one list and nothing else, sends the whole changed
# top-level property back (Graph keeps the properties a PATCH does not name), reads it back, and prints how
# to restore the backup. Every value below is a quoted string; none is code.
param([switch]$Force)
$ErrorActionPreference = 'Stop'
$uri = {{uri}}
$plannedModified = {{modified}}
$listPath = {{listPath}}
$topLevel = {{topLevel}}
$odataType = {{odataType}}
$item = {{item}}
$cidr = {{cidr}}
$cidrType = {{cidrType}}
$description = {{description}}

Connect-MgGraph -Scopes 'Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess', 'Application.Read.All' -NoWelcome
Write-Host "Change: $description"
$raw = Invoke-MgGraphRequest -Method GET -Uri $uri -OutputType Json
$live = $raw | ConvertFrom-Json -AsHashtable -Depth 64
if ($plannedModified -and ($live['modifiedDateTime'] -as [string]) -ne $plannedModified -and -not $Force) {
    throw "The object changed since the plan (modified $($live['modifiedDateTime']), planned on $plannedModified). Review it, plan again, or run with -Force."
}
$backup = Join-Path (Get-Location) ('calens-backup-' + $live['id'] + '-' + (Get-Date -AsUTC -Format 'yyyyMMddTHHmmssZ') + '.json')
Set-Content -LiteralPath $backup -Value $raw -NoNewline -Encoding utf8NoBOM -NoClobber
Write-Host "Saved the object as it was to $backup"

$node = $live
$parts = $listPath.Split('.')
foreach ($part in $parts[0..($parts.Count - 2)]) {
    if ($node[$part] -isnot [hashtable]) { throw "The object has no $part; the change does not apply to it." }
    $node = $node[$part]
}
$leaf = $parts[-1]
$list = @($node[$leaf] | Where-Object { $null -ne $_ })
if ($cidr) {
    if ($list | Where-Object { $_['cidrAddress'] -eq $cidr }) { throw "$cidr is already in the location; nothing to change." }
    $node[$leaf] = @($list) + @(@{ '@odata.type' = $cidrType; 'cidrAddress' = $cidr })
} else {
    if ($list -contains $item) { throw "$item is already excluded; nothing to change." }
    $node[$leaf] = @($list) + @($item)
}
$body = @{ $topLevel = $live[$topLevel] }
if ($odataType) { $body['@odata.type'] = $odataType }
Invoke-MgGraphRequest -Method PATCH -Uri $uri -Body ($body | ConvertTo-Json -Depth 64) -ContentType 'application/json'
$after = Invoke-MgGraphRequest -Method GET -Uri $uri -OutputType Json | ConvertFrom-Json -AsHashtable -Depth 64
Write-Host "Done; the object was modified at $($after['modifiedDateTime'])."
Write-Host 'To restore the saved object (PowerShell 7, after reviewing it):'
Write-Host ('  $b = Get-Content -Raw -LiteralPath ''{0}'' | ConvertFrom-Json -AsHashtable -Depth 64' -f $backup)
Write-Host ('  $r = @{{ ''{0}'' = $b[''{0}''] }}; if (''{1}'') {{ $r[''@odata.type''] = ''{1}'' }}' -f $topLevel, $odataType)
Write-Host ('  Invoke-MgGraphRequest -Method PATCH -Uri ''{0}'' -Body ($r | ConvertTo-Json -Depth 64) -ContentType ''application/json''' -f $uri)
