// Zwei-Klick-Einbettung: Videos und Karten lädt erst ein Klick auf „laden“. Vorher geht keine
// Anfrage an den Anbieter; ohne Skript bleibt der Link.
document.querySelectorAll('figure.embed[data-embed]').forEach(function (figure) {
  var button = figure.querySelector('.embed-load');
  if (!button) return;
  button.removeAttribute('data-waiting');
  button.addEventListener('click', function () {
    var frame = document.createElement('iframe');
    frame.src = figure.dataset.embed;
    frame.title = figure.dataset.embedTitle;
    frame.allow = 'autoplay; fullscreen; picture-in-picture';
    frame.allowFullscreen = true;
    figure.replaceChildren(frame);
    frame.focus();
  });
});
