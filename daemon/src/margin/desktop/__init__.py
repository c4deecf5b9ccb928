"""Margin on the clinician's desktop: start at login, the browsers' native messaging host,
`margin setup` and `margin doctor`. Nothing here touches the vault."""
