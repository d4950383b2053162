from kudapanmas.navigation import NavGroup, items_for


def navigation(request):
    """The menu entries, with the one the current page belongs to marked active.

    The page's own entry wins; otherwise the section entry with the longest URL the page lies
    under, so that a page under /kependudukan/ekonomi/ lights "Ekonomi", not "Kependudukan";
    otherwise the entry whose `halaman` names the page's view with the longest prefix.
    """
    current = request.resolver_match.view_name if request.resolver_match else ""
    items = items_for(request.user)
    leaves = [leaf for item in items for leaf in (item.items if isinstance(item, NavGroup) else [item])]
    active = next((leaf for leaf in leaves if leaf.url_name == current), None)
    if active is None:
        sections = [leaf for leaf in leaves if leaf.is_section and request.path.startswith(leaf.url)]
        active = max(sections, key=lambda leaf: len(leaf.url), default=None)
    if active is None:
        named = [(len(p), leaf) for leaf in leaves for p in leaf.halaman if current.startswith(p)]
        active = max(named, key=lambda pair: pair[0], default=(0, None))[1]
    return {"nav_items": [_entry(item, active) for item in items]}


def _entry(item, active):
    if isinstance(item, NavGroup):
        children = [_entry(child, active) for child in item.items]
        return {
            "label": item.label,
            "children": children,
            "active": any(child["active"] for child in children),
        }
    return {"label": item.label, "url": item.url, "active": item is active}
