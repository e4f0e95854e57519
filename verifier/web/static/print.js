// Shows the "print this record" button (without JavaScript the browser's own print works).
(function () {
  var button = document.getElementById("print-record");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
