"""`{% panel_laporan panel %}`: the ledger panel of a monthly report page.

The view builds `panel` with desa.panel.panel_laporan; the tag only renders it, over the page's own
context (which the kind's extra send fields need), and asks the database nothing.
"""

from django import template

register = template.Library()


@register.inclusion_tag("desa/_panel_laporan.html", takes_context=True)
def panel_laporan(context, panel):
    return {**context.flatten(), **panel}
