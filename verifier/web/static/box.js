// The search box: a pasted message longer than the box (300 characters) goes whole to the offer
// scan as a form post (no length limit of a link); without JavaScript the server does the same.
(function () {
  var box = document.getElementById("q");
  var post = document.getElementById("box-offer");
  if (!box || !post || !box.form) return;
  box.form.addEventListener("submit", function (e) {
    var text = box.value.trim();
    if (text.length <= 300) return;
    e.preventDefault();
    post.elements.text.value = text;
    post.submit();
  });
})();
