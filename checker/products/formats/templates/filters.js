// Filters and sorting; the page reads fully without them (they start hidden).
(function () {
  "use strict";
  document.querySelectorAll(".filters").forEach(function (box) { box.hidden = false; });
  var controls = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  function apply() {
    var wanted = {};
    controls.forEach(function (c) { wanted[c.dataset.filter] = c.value; });
    document.querySelectorAll("[data-filterable]").forEach(function (item) {
      var show = Object.keys(wanted).every(function (key) {
        var value = wanted[key];
        if (!value) { return true; }
        var have = (item.getAttribute("data-" + key) || "").split(" ");
        return have.indexOf(value) !== -1;
      });
      item.hidden = !show;
    });
  }
  controls.forEach(function (c) { c.addEventListener("change", apply); });
  apply();  // a control may start on a value (the diff shows the changed tasks first)
  document.querySelectorAll("table[data-sortable] th[data-sort]").forEach(function (th) {
    th.addEventListener("click", function () {
      var table = th.closest("table"), body = table.tBodies[0];
      var index = Array.prototype.indexOf.call(th.parentNode.children, th);
      var numeric = th.dataset.sort === "num";
      var ascending = th.dataset.dir !== "asc";
      th.dataset.dir = ascending ? "asc" : "desc";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[index].dataset.key || a.cells[index].textContent;
        var y = b.cells[index].dataset.key || b.cells[index].textContent;
        var r = numeric ? (parseFloat(x) - parseFloat(y)) : x.localeCompare(y, "zh");
        return ascending ? r : -r;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
