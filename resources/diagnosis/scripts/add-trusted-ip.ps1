# CA Lens: add one IP range to a trusted named location.
# Review before running: only add ranges your organisation controls. It saves the location as it is now.
Connect-MgGraph -Scopes "Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"
$cidr = '{{cidr}}'
$locationId = '{{namedLocationId}}'   # {{namedLocationName}}; empty: a new trusted location is created
if ($locationId) {
    $location = Get-MgIdentityConditionalAccessNamedLocation -NamedLocationId $locationId
    $location | ConvertTo-Json -Depth 10 | Out-File -Encoding utf8 "named-location-$locationId-before-$(Get-Date -Format yyyyMMddHHmmss).json"
    $ranges = @($location.AdditionalProperties.ipRanges) + @{ '@odata.type' = '#microsoft.graph.iPv4CidrRange'; cidrAddress = $cidr }
    Update-MgIdentityConditionalAccessNamedLocation -NamedLocationId $locationId -BodyParameter @{
        '@odata.type' = '#microsoft.graph.ipNamedLocation'; ipRanges = $ranges
    }
} else {
    New-MgIdentityConditionalAccessNamedLocation -BodyParameter @{
        '@odata.type' = '#microsoft.graph.ipNamedLocation'; displayName = 'Trusted egress: {{principalName}}'
        isTrusted = $true; ipRanges = @(@{ '@odata.type' = '#microsoft.graph.iPv4CidrRange'; cidrAddress = $cidr })
    }
}
