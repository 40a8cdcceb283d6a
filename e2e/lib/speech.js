// A stand-in for the browser's speech synthesis, for the tests of
// "Écouter": headless browsers have no voices. It keeps the Web Speech API's
// contract (getVoices, speak, pause, resume, cancel, an utterance's end
// event, voiceschanged) and records what it was asked, in window.__speech;
// window.__speech.end() ends the utterance being spoken, as a voice would.
// Installed before the page's scripts, with `voices` the voices it offers.
export function fakeSpeech(voices) {
  const speech = {
    voices,
    spoken: [],
    calls: [],
    current: null,
    end() {
      const u = speech.current;
      speech.current = null;
      u?.onend?.(new Event('end'));
    },
  };
  window.__speech = speech;
  class Utterance {
    constructor(text) {
      this.text = text;
      this.lang = '';
      this.voice = null;
      this.onend = null;
    }
  }
  const synth = new EventTarget();
  synth.getVoices = () => speech.voices;
  synth.speak = (u) => {
    speech.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name });
    speech.current = u;
  };
  for (const name of ['pause', 'resume', 'cancel']) {
    synth[name] = () => {
      speech.calls.push(name);
      if (name === 'cancel') speech.current = null;
    };
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
}

export const FRENCH = { name: 'Amélie', lang: 'fr-FR', default: false, localService: true, voiceURI: 'fr' };
export const ENGLISH = { name: 'Daniel', lang: 'en-GB', default: true, localService: true, voiceURI: 'en' };
