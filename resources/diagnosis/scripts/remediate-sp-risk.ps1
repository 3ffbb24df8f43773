# CA Lens: after investigating, dismiss the risk of one service principal.
# Review before running: dismiss only when the detections were false positives.
Connect-MgGraph -Scopes "IdentityRiskyServicePrincipal.ReadWrite.All"
$servicePrincipalId = '{{principalId}}'  # {{principalName}}
Get-MgBetaRiskyServicePrincipal -RiskyServicePrincipalId $servicePrincipalId | Format-List DisplayName, RiskLevel, RiskState, RiskDetail
# Invoke-MgBetaDismissRiskyServicePrincipal -ServicePrincipalIds $servicePrincipalId
