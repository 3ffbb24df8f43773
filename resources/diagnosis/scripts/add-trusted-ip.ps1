# CA Lens: add one IP range to a trusted named location.
# Review before running: only add ranges your organisation controls. It saves the location as it is now.
# Every value taken from the logs is a quoted string below; none is code or a comment.
Connect-MgGraph -Scopes "Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"
$cidr = {{cidr}}
$cidrType = {{cidrType}}
$locationId = {{namedLocationId}}   # empty: a new trusted location is created
$locationName = {{namedLocationName}}
$principalName = {{principalName}}
Write-Host "Adding $cidr to the named location $locationName, for $principalName"
if ($locationId) {
    $location = Get-MgIdentityConditionalAccessNamedLocation -NamedLocationId $locationId
    $location | ConvertTo-Json -Depth 10 | Out-File -Encoding utf8 "named-location-$locationId-before-$(Get-Date -Format yyyyMMddHHmmss).json"
    $ranges = @($location.AdditionalProperties.ipRanges) + @{ '@odata.type' = $cidrType; cidrAddress = $cidr }
    Update-MgIdentityConditionalAccessNamedLocation -NamedLocationId $locationId -BodyParameter @{
        '@odata.type' = '#microsoft.graph.ipNamedLocation'; ipRanges = $ranges
    }
} else {
    New-MgIdentityConditionalAccessNamedLocation -BodyParameter @{
        '@odata.type' = '#microsoft.graph.ipNamedLocation'; displayName = 'Trusted egress: ' + $principalName
        isTrusted = $true; ipRanges = @(@{ '@odata.type' = $cidrType; cidrAddress = $cidr })
    }
}
