"""A chart from a small table the editor types as CSV: bars, a line, or one number shown large.

Drawn on the server as SVG (no script, no external service) with the same data as a real table
after it, which is the accessible alternative. Numbers are formatted for the page's language by
Django's ``number_format``; the data is stored in one plain form (``1234.5``) whatever the
editor's language. Row and column labels become wagtail-localize segments; numbers stay synced.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

MAX_ROWS = 24
MAX_SERIES = 4


@dataclass
class Table:
    corner: str
    series: list[str]
    rows: list[tuple[str, list[Decimal]]]


def parse_number(text: str) -> Decimal:
    """``1234.5``, ``1,234.5``, ``1 234,5``: one decimal separator, optional thousands spaces."""
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1]
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") == 1 and len(cleaned.split(",")[1]) != 3:
        cleaned = cleaned.replace(",", ".")
    else:
        cleaned = cleaned.replace(",", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def parse_table(text: str) -> Table:
    """CSV with a header row (first cell: what the rows are; then one name per series) and one
    row per category. Raises ``ValidationError`` naming the line and cell to fix."""
    lines = [
        row for row in csv.reader(io.StringIO((text or "").strip())) if any(c.strip() for c in row)
    ]
    if len(lines) < 2:
        raise ValidationError(
            _(
                "Give a header line and at least one line of data, "
                "e.g. “Year, Pupils” then “2019, 1200”."
            )
        )
    header = [cell.strip() for cell in lines[0]]
    if len(header) < 2:
        raise ValidationError(_("Line 1 needs at least two columns: a label, then a series name."))
    if len(header) - 1 > MAX_SERIES:
        raise ValidationError(
            _("Line 1 has %(count)d series; a chart shows at most %(max)d.")
            % {"count": len(header) - 1, "max": MAX_SERIES}
        )
    if len(lines) - 1 > MAX_ROWS:
        raise ValidationError(
            _("There are %(count)d lines of data; a chart shows at most %(max)d.")
            % {"count": len(lines) - 1, "max": MAX_ROWS}
        )
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = [cell.strip() for cell in line]
        if len(cells) != len(header):
            raise ValidationError(
                _("Line %(line)d has %(found)d columns; line 1 has %(expected)d.")
                % {"line": number, "found": len(cells), "expected": len(header)}
            )
        values = []
        for column, cell in enumerate(cells[1:], start=2):
            try:
                values.append(parse_number(cell))
            except ValueError:
                raise ValidationError(
                    _("Line %(line)d, column %(column)d: “%(cell)s” is not a number.")
                    % {"line": number, "column": column, "cell": cell}
                ) from None
        rows.append((cells[0], values))
    return Table(header[0], header[1:], rows)


def table_to_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([table.corner, *table.series])
    for label, values in table.rows:
        writer.writerow([label, *(str(v) for v in values)])
    return out.getvalue().strip()


class CSVTableBlock(blocks.FieldBlock):
    """A textarea holding CSV, checked on save; translators see only its labels."""

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field_options = {"required": required, "help_text": help_text}
        super().__init__(**kwargs)

    @cached_property
    def field(self):
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 8, "dir": "auto", "spellcheck": "false"}),
            **self.field_options,
        )

    def clean(self, value):
        value = super().clean(value)
        parse_table(value)
        return value

    def get_translatable_segments(self, value):
        from wagtail_localize.segments import StringSegmentValue

        try:
            table = parse_table(value)
        except ValidationError:
            return []
        labels = [("corner", table.corner)]
        labels += [(f"series-{i}", name) for i, name in enumerate(table.series)]
        labels += [(f"row-{i}", label) for i, (label, _values) in enumerate(table.rows)]
        return [StringSegmentValue(path, text) for path, text in labels if text]

    def restore_translated_segments(self, value, segments):
        table = parse_table(value)
        for segment in segments:
            text = segment.render_text()
            kind, _sep, index = segment.path.partition("-")
            if kind == "corner":
                table.corner = text
            elif kind == "series":
                table.series[int(index)] = text
            elif kind == "row":
                table.rows[int(index)] = (text, table.rows[int(index)][1])
        return table_to_csv(table)

    class Meta:
        icon = "table"
        default = ""


def _nice_step(span: float) -> float:
    """A round gridline step (1, 2 or 5 × 10ⁿ) giving four to eight gridlines."""
    if span <= 0:
        return 1.0
    raw = span / 5
    magnitude = 10 ** int(f"{raw:e}".split("e")[1])
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * magnitude:
            return multiple * magnitude
    return 10 * magnitude


def _format(value, decimals: int) -> str:
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _decimals(values: list[Decimal]) -> int:
    return max((max(0, -v.normalize().as_tuple().exponent) for v in values), default=0)


class ChartBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    kind = blocks.ChoiceBlock(
        label=_("Show as"),
        choices=[
            ("bar", _("Bar chart")),
            ("line", _("Line chart")),
            ("number", _("Single number")),
        ],
        default="bar",
        help_text=_("A single number shows the last value of the first series, large."),
    )
    data = CSVTableBlock(
        label=_("Data (CSV)"),
        help_text=_(
            "First line: what the rows are, then one name per series (at most 4). Then one line "
            "per row: its label, then numbers. e.g. “Year, Pupils” / “2019, 1200” / “2020, 1850”."
        ),
    )
    unit = blocks.CharBlock(
        label=_("Unit"), required=False, max_length=40, help_text=_("e.g. “pupils” or “%”.")
    )
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=250)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        table = parse_table(value["data"])
        all_values = [v for _label, values in table.rows for v in values]
        decimals = _decimals(all_values)
        context["table"] = {
            "corner": table.corner,
            "series": [
                {"name": name, "class": f"series-{i}"} for i, name in enumerate(table.series)
            ],
            "rows": [
                {"label": label, "cells": [_format(v, decimals) for v in values]}
                for label, values in table.rows
            ],
        }
        if value["kind"] == "number":
            context["big_number"] = _format(table.rows[-1][1][0], decimals)
            context["big_label"] = f"{table.series[0]} · {table.rows[-1][0]}"
        else:
            context["chart"] = self.draw(table, value["kind"], decimals)
        return context

    @staticmethod
    def draw(table: Table, kind: str, decimals: int) -> dict:
        """Geometry for the SVG: 640 × 320 units, the value axis on the reading-start side.

        In right-to-left languages the category axis runs from the right, as Arabic readers
        expect of a time series; labels are formatted for the language.
        """
        rtl = get_language_bidi()
        width, height = 640.0, 320.0
        left, right, top, bottom = 84.0, 16.0, 16.0, 52.0
        if rtl:
            left, right = right, left
        values = [float(v) for _label, row in table.rows for v in row]
        low = min(0.0, min(values))
        high = max(0.0, max(values))
        step = _nice_step(high - low or 1)
        axis_low = step * (low // step)
        axis_high = step * -(-high // step) or step
        plot_w, plot_h = width - left - right, height - top - bottom

        def y_of(v: float) -> float:
            return round(top + plot_h * (axis_high - v) / (axis_high - axis_low), 1)

        count = len(table.rows)
        band = plot_w / count

        def x_of(index: int) -> float:
            position = band * (index + 0.5)
            return round(left + (plot_w - position if rtl else position), 1)

        gridlines = []
        tick = axis_low
        step_decimals = max(0, -Decimal(str(step)).normalize().as_tuple().exponent)
        while tick <= axis_high + step / 1000:
            gridlines.append(
                {"y": y_of(tick), "label": _format(Decimal(str(round(tick, 6))), step_decimals)}
            )
            tick += step
        categories = [
            {"x": x_of(i), "label": label} for i, (label, _values) in enumerate(table.rows)
        ]
        series_count = len(table.series)
        shapes = []
        for s, name in enumerate(table.series):
            points = [(x_of(i), y_of(float(row[s]))) for i, (_label, row) in enumerate(table.rows)]
            item = {"class": f"series-{s}", "name": name}
            if kind == "line":
                item["points"] = " ".join(f"{x},{y}" for x, y in points)
                item["dots"] = [{"x": x, "y": y} for x, y in points]
            else:
                bar_w = band * 0.7 / series_count
                zero = y_of(0.0)
                item["bars"] = []
                for x, y in points:
                    offset = (s - (series_count - 1) / 2) * bar_w
                    item["bars"].append(
                        {
                            "x": round(x + (-offset if rtl else offset) - bar_w / 2, 1),
                            "y": min(y, zero),
                            "w": round(bar_w, 1),
                            "h": round(abs(zero - y), 1),
                        }
                    )
            shapes.append(item)
        return {
            "width": int(width),
            "height": int(height),
            "axis_x": left if not rtl else width - right,
            "plot_start": left,
            "plot_end": width - right,
            "baseline": y_of(max(axis_low, min(0.0, axis_high))),
            "label_y": height - bottom + 22,
            "tick_anchor": "end" if not rtl else "start",
            "tick_x": (left - 8) if not rtl else (width - right + 8),
            "gridlines": gridlines,
            "categories": categories,
            "shapes": shapes,
        }

    class Meta:
        icon = "table"
        label = _("Chart")
        template = "stories/blocks/chart.html"
        help_text = _("A small table shown as a bar or line chart, or one number, with the data.")
        description = _("Bars, a line or a big number drawn from a small table, with the table.")
        preview_value = {
            "title": "Pupils back in school in Mosul",
            "kind": "bar",
            "data": "Year, Pupils\n2018, 1200\n2019, 1850\n2020, 2600\n2021, 3100",
            "unit": "pupils",
            "source": "Education partners, 2021",
        }
