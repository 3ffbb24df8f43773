# CA Lens: after investigating, dismiss the risk of one service principal.
# Review before running: dismiss only when the detections were false positives.
# Every value taken from the logs is a quoted string below; none is code or a comment.
Connect-MgGraph -Scopes "IdentityRiskyServicePrincipal.ReadWrite.All"
$servicePrincipalId = {{principalId}}
$servicePrincipalName = {{principalName}}
Write-Host "Risk of the service principal $servicePrincipalName"
Get-MgRiskyServicePrincipal -RiskyServicePrincipalId $servicePrincipalId | Format-List DisplayName, RiskLevel, RiskState, RiskDetail
# Invoke-MgDismissRiskyServicePrincipal -ServicePrincipalIds $servicePrincipalId
