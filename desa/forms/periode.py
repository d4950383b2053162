"""A month typed in a form: the browser's month picker sends TTTT-BB, the form gets a Periode."""

from django import forms

from desa.periode import Periode


class BulanField(forms.CharField):
    """A month as TTTT-BB, cleaned to a Periode (None when left empty and not required)."""

    def __init__(self, *, placeholder="TTTT-BB", **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "month", "placeholder": placeholder}))
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        try:
            return Periode.parse(text)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
