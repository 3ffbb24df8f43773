#Requires -Modules Microsoft.Graph.Authentication
# CA Lens: look at the risk that made a risk policy block one user, then act on the right object.
# Nothing changes unless you pass a switch after investigating:
#   user risk    -> the user resets their password (self-service, with MFA), or an admin resets it; -Dismiss
#                   only when the detections were false positives;
#   sign-in risk -> dismissing the user's risk does not help: -ConfirmSafe marks this one sign-in as safe.
# Every value taken from the logs is a quoted string below; none is code.
param([switch]$Dismiss, [switch]$ConfirmSafe)
$ErrorActionPreference = 'Stop'
$userId = {{principalId}}
$userName = {{principalName}}
$signInId = {{signInId}}
$riskKind = {{riskKind}}
Connect-MgGraph -Scopes 'IdentityRiskyUser.ReadWrite.All', 'IdentityRiskEvent.Read.All', 'AuditLog.Read.All' -NoWelcome
Write-Host "The policy acted on $riskKind risk of $userName"
Invoke-MgGraphRequest -Method GET -Uri ('https://graph.microsoft.com/v1.0/identityProtection/riskyUsers/' + $userId)
Invoke-MgGraphRequest -Method GET -Uri ('https://graph.microsoft.com/v1.0/identityProtection/riskDetections?$filter=userId eq ''' + $userId + '''')
if ($Dismiss) {
    Invoke-MgGraphRequest -Method POST -Uri 'https://graph.microsoft.com/v1.0/identityProtection/riskyUsers/dismiss' -Body (@{ userIds = @($userId) } | ConvertTo-Json) -ContentType 'application/json'
    Write-Host "Dismissed the user risk of $userName."
}
if ($ConfirmSafe) {
    Invoke-MgGraphRequest -Method POST -Uri 'https://graph.microsoft.com/beta/auditLogs/signIns/confirmSafe' -Body (@{ requestIds = @($signInId) } | ConvertTo-Json) -ContentType 'application/json'
    Write-Host "Marked the sign-in $signInId as safe."
}
