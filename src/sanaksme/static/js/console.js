/* Console behaviour that would otherwise be inline handlers, which the
   Content-Security-Policy forbids. A submit button (or form) with data-confirm asks
   before it submits. */
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var question = (button && button.dataset.confirm) || event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});

/* The live console's agenda scrolls on its own (console.css): bring the item running
   now into its view, without moving the page. */
window.addEventListener("load", function () {
  var current = document.querySelector(".agenda-now li.current");
  var box = current && current.closest(".agenda-now");
  if (box && box.scrollHeight > box.clientHeight) {
    var below = current.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop += below - box.clientHeight / 3;
  }
});
