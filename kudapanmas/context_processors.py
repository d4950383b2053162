from kudapanmas.navigation import NavGroup, items_for


def navigation(request):
    current = request.resolver_match.view_name if request.resolver_match else ""
    return {"nav_items": [_entry(item, current) for item in items_for(request.user)]}


def _entry(item, current):
    if isinstance(item, NavGroup):
        children = [_entry(child, current) for child in item.items]
        return {
            "label": item.label,
            "children": children,
            "active": any(child["active"] for child in children),
        }
    return {"label": item.label, "url": item.url, "active": _is_active(item.url_name, current)}


def _is_active(url_name, current):
    if url_name == current:
        return True
    namespace = url_name.split(":")[0] if ":" in url_name else None
    return bool(namespace) and current.startswith(namespace + ":") and url_name.endswith(":index")
