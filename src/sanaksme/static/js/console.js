/* Console behaviour that would otherwise be inline handlers, which the
   Content-Security-Policy forbids. A submit button (or form) with data-confirm asks
   before it submits. */
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var question = (button && button.dataset.confirm) || event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
