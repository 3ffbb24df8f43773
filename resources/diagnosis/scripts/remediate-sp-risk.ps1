#Requires -Modules Microsoft.Graph.Authentication
# CA Lens: look at the risk of one service principal that a workload-identity risk policy blocked.
# Nothing changes unless you pass -Dismiss after investigating (only when the detections were false positives;
# if the credentials may be compromised, rotate them instead, then confirm the compromise).
# Every value taken from the logs is a quoted string below; none is code.
param([switch]$Dismiss)
$ErrorActionPreference = 'Stop'
$servicePrincipalId = {{principalId}}
$servicePrincipalName = {{principalName}}
Connect-MgGraph -Scopes 'IdentityRiskyServicePrincipal.ReadWrite.All' -NoWelcome
Write-Host "Risk of the service principal $servicePrincipalName"
Invoke-MgGraphRequest -Method GET -Uri ('https://graph.microsoft.com/v1.0/identityProtection/riskyServicePrincipals/' + $servicePrincipalId)
if ($Dismiss) {
    Invoke-MgGraphRequest -Method POST -Uri 'https://graph.microsoft.com/v1.0/identityProtection/riskyServicePrincipals/dismiss' -Body (@{ servicePrincipalIds = @($servicePrincipalId) } | ConvertTo-Json) -ContentType 'application/json'
    Write-Host "Dismissed the risk of $servicePrincipalName."
}
