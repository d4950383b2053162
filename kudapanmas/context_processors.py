from kudapanmas.navigation import items_for


def navigation(request):
    items = items_for(request.user)
    current = request.resolver_match.view_name if request.resolver_match else ""
    return {
        "nav_items": [
            {"label": item.label, "url": item.url, "active": _is_active(item.url_name, current)}
            for item in items
        ]
    }


def _is_active(url_name, current):
    if url_name == current:
        return True
    namespace = url_name.split(":")[0] if ":" in url_name else None
    return bool(namespace) and current.startswith(namespace + ":") and url_name.endswith(":index")
